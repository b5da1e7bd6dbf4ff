/**
 * The part of a WebSocket the transport uses: both the browser's global `WebSocket` and the
 * `ws` package's class fit it.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: any) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: any) => void) | null;
  /** `ws` only: the raw event API, used when present because it skips building a MessageEvent per frame. */
  on?(event: "message", listener: (data: unknown, isBinary: boolean) => void): unknown;
}

/** A WebSocket class: `new WebSocket(url)`. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;
