import type { RpcResponse } from "./RpcResponse.js";

/** Per-call options every transport and every generated method accepts. */
export interface CallOptions {
  /** Abort the call; it rejects with `AbortedError` (the request may already have been sent). */
  signal?: AbortSignal;
  /** Reject with `TimeoutError` when no response came within this many ms (default: the client's). */
  timeoutMs?: number;
  /** Called with the response and its envelope (`usIn`, `usOut`, `usDiff`, `rttMs`) before the call resolves. */
  onResponse?: (response: RpcResponse) => void;
}

/**
 * What the generated functions call: send `method` with by-name `params`, resolve with the
 * JSON-RPC `result`, reject with an `RpcError` (the server answered an error) or a
 * `TransportError` (it did not answer).
 */
export interface Transport {
  request(method: string, params: object, options?: CallOptions): Promise<unknown>;
  /**
   * Sends `method` as a JSON-RPC notification (no `id`, no answer expected) and resolves once it
   * is sent (HTTP: once the server took the request). Transports without it get `request`.
   */
  notify?(method: string, params: object, options?: CallOptions): Promise<void>;
}

/** A transport that can also return the whole response with its envelope and round-trip time. */
export interface RpcTransport extends Transport {
  readonly kind: "http" | "ws";
  send(method: string, params: object, options?: CallOptions): Promise<RpcResponse>;
  notify(method: string, params: object, options?: CallOptions): Promise<void>;
  /** Fails calls still waiting and releases sockets and timers. */
  close(): Promise<void>;
}
