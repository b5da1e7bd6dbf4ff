import type { Exchange } from "./Exchange.js";
import type { NotificationLog } from "./NotificationLog.js";
import type { Transport } from "./Transport.js";

/** Options for one raw send. */
export interface SendOptions {
  /** Extra HTTP headers (ignored over WebSocket). */
  headers?: Record<string, string>;
  /** `false` for a notification: do not wait for an answer (default true). */
  expectResponse?: boolean;
  timeoutMs?: number;
}

/** Options for a JSON-RPC call built by the driver. */
export interface CallOptions extends SendOptions {
  /** The request id (default: the driver's next integer). */
  id?: string | number;
}

/**
 * A raw JSON-RPC driver: sends any text (valid or not) over one transport and returns the
 * exchange with timing. It never interprets the answer; checks do.
 */
export interface Driver {
  readonly transport: Transport;
  readonly url: string;
  send(text: string, options?: SendOptions): Promise<Exchange>;
  call(method: string, params?: unknown, options?: CallOptions): Promise<Exchange>;
  /**
   * WebSocket only: the calls' frames in ONE write on the socket (pipelined, as a client that
   * batches its writes sends them); their exchanges, in the order given.
   */
  pipeline?(calls: readonly (readonly [method: string, params: unknown])[]): Promise<Exchange>[];
  /** Messages that arrived without a request waiting for them (WebSocket only). */
  readonly strays: unknown[];
  /** Notifications the server sent (WebSocket only; always empty over HTTP). */
  readonly notifications: NotificationLog;
  close(): Promise<void>;
}

/** Builds request text; `params` is left out when undefined. */
export function requestText(method: string, params: unknown, id: string | number): string {
  const message: Record<string, unknown> = { jsonrpc: "2.0", id, method };
  if (params !== undefined) message["params"] = params;
  return JSON.stringify(message);
}
