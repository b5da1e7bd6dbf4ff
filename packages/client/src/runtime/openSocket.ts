import type { WebSocketConstructor, WebSocketLike } from "./WebSocketLike.js";

const OPEN = 1;

/** What one connection reports to its transport. */
export interface SocketEvents {
  /** The socket opened within the connect timeout. */
  onOpen(): void;
  /** A frame parsed to a JSON object (anything else is dropped). */
  onMessage(message: any): void;
  /** The connection is gone (closed, failed, or not open in time); reported once. */
  onLost(code: number, reason: string, cause?: unknown): void;
}

/** One WebSocket connection: the socket, and `lost` to give it up from outside (reported once). */
export interface SocketConnection {
  readonly socket: WebSocketLike;
  lost(code: number, reason: string, cause?: unknown): void;
  /** Stops the connect timer (the transport is closing). */
  stopConnectTimer(): void;
}

/**
 * Opens one WebSocket with a connect timeout and turns its callbacks into `SocketEvents`. Throws
 * what the WebSocket class throws (e.g. on a malformed URL in a browser).
 */
export function openSocket(
  WebSocket: WebSocketConstructor,
  url: string,
  connectTimeoutMs: number,
  events: SocketEvents,
): SocketConnection {
  const current = new WebSocket(url);
  let gone = false;
  const connectTimer = setTimeout(() => {
    lost(1006, `no connection within ${connectTimeoutMs} ms`);
    current.close();
  }, connectTimeoutMs);

  function lost(code: number, reason: string, cause?: unknown): void {
    if (gone) return;
    gone = true;
    clearTimeout(connectTimer);
    current.onopen = current.onclose = current.onmessage = null;
    events.onLost(code, reason, cause);
  }

  current.onopen = () => {
    clearTimeout(connectTimer);
    events.onOpen();
  };
  const onMessage = (data: unknown) => {
    let message: any;
    try {
      message = JSON.parse(typeof data === "string" ? data : String(data));
    } catch {
      return;
    }
    if (message === null || typeof message !== "object") return;
    events.onMessage(message);
  };
  if (typeof current.on === "function") current.on("message", onMessage);
  else current.onmessage = (event) => onMessage(event.data);
  current.onclose = (event) => lost(event.code, event.reason);
  current.onerror = (event) => {
    if (current.readyState !== OPEN)
      lost(1006, "connection error", (event as { error?: unknown })?.error ?? event);
  };
  return { socket: current, lost, stopConnectTimer: () => clearTimeout(connectTimer) };
}
