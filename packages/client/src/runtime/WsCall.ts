import type { CallOptions } from "./Transport.js";

/** One call of the WebSocket transport, from `request`/`send` until it settles. */
export interface WsCall {
  method: string;
  params: object;
  options: CallOptions;
  /** Resolve with the whole response (`send`) rather than the result (`request`). */
  full: boolean;
  resolve: (value: any) => void;
  reject: (error: unknown) => void;
  /** Its own timer, when its timeout is not the transport's default. */
  timer: ReturnType<typeof setTimeout> | undefined;
  onAbort: (() => void) | undefined;
  /** The JSON-RPC id once sent; 0 while it waits for the connection. */
  id: number;
  /** `performance.now()` when sent, measured only when the envelope is wanted. */
  sentAt: number;
}
