/** The HTTP JSON-RPC endpoint and the WebSocket URL of a server. */
export interface Endpoints {
  http: string | undefined;
  ws: string | undefined;
}

/**
 * Resolves `url` / `wsUrl` the way the spec's `servers` name them: a bare origin gets
 * `/api/v2` (HTTP) or `/ws/api/v2` (WebSocket); a WebSocket URL is derived from the HTTP one
 * (`http://h/api/v2` -> `ws://h/ws/api/v2`) when only `url` is given.
 */
export function resolveEndpoints(url: string | undefined, wsUrl: string | undefined): Endpoints {
  let http: string | undefined;
  if (url !== undefined) {
    const parsed = new URL(url);
    if (parsed.pathname === "/" || parsed.pathname === "") parsed.pathname = "/api/v2";
    http = parsed.href.replace(/\/+$/, "");
  }
  let ws: string | undefined;
  if (wsUrl !== undefined) {
    const parsed = new URL(wsUrl);
    if (parsed.pathname === "/" || parsed.pathname === "") parsed.pathname = "/ws/api/v2";
    ws = parsed.href.replace(/\/+$/, "");
  } else if (http !== undefined) {
    const parsed = new URL(http);
    parsed.protocol = parsed.protocol === "https:" ? "wss:" : "ws:";
    parsed.pathname = `/ws${parsed.pathname}`;
    ws = parsed.href;
  }
  return { http, ws };
}
