import type { ReconnectOptions } from "./backoffDelay.js";
import type { ConnectionEvent } from "./ConnectionEvent.js";
import type { HandshakeSend } from "./HandshakeSend.js";
import type { ErrorClasses } from "./toRpcError.js";
import type { WebSocketConstructor } from "./WebSocketLike.js";

export interface WsTransportOptions {
  /** e.g. `ws://127.0.0.1:8080/ws/api/v2`. */
  url: string;
  /** The `ws` package's class on Node, the global `WebSocket` in browsers. */
  WebSocket: WebSocketConstructor;
  /** Default per-call timeout in ms, waiting for the connection included (default 30 000; `0`: none). */
  timeoutMs?: number;
  /** Give up opening a socket after this many ms (default 10 000). */
  connectTimeoutMs?: number;
  /** Reconnect after an established connection drops (default on); `false` to stay closed. */
  reconnect?: ReconnectOptions | false;
  /**
   * Runs on every new connection before any queued call is sent on it: `public/auth` goes
   * here, so a reconnected socket is authenticated again. An `RpcError` from it fails the
   * waiting calls and stops reconnecting; a transport failure counts as a failed connection.
   */
  onConnect?: (send: HandshakeSend) => Promise<void>;
  /** Server-sent notifications (`{method, params}` without `id`), e.g. subscriptions. */
  onNotification?: (message: { method: string; params?: unknown }) => void;
  onConnectionEvent?: (event: ConnectionEvent) => void;
  errorClasses?: ErrorClasses;
}
