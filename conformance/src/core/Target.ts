/** Where the server under test listens. */
export interface Target {
  /** Base URL, e.g. `http://127.0.0.1:8080` (JSON-RPC at `POST /api/v2`). */
  httpUrl: string;
  /** WebSocket endpoint, e.g. `ws://127.0.0.1:8080/ws/api/v2`. */
  wsUrl: string;
  /**
   * The server's HTTP body limit in bytes, when declared (`--max-body-bytes`; the reference's own
   * when the suite starts it): `http-body-too-large` checks it. A server's limit is its own, so
   * without it that check is skipped.
   */
  maxBodyBytes?: number;
}

/** The WebSocket URL the spec's `x-transports` implies for an HTTP base URL. */
export function defaultWsUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.pathname = "/ws/api/v2";
  url.search = "";
  return url.toString();
}
