import type { ServerResponse } from "node:http";

/**
 * Answers a transport fault (404, 405, 413, 415, 426, 503) with its HTTP status and a JSON body
 * `{error, message, ...details}`; JSON-RPC errors never come this way (they travel in a 200 body).
 */
export function sendFault(
  res: ServerResponse,
  status: number,
  error: string,
  message: string,
  details?: Record<string, unknown>,
  headers?: Record<string, string>,
): void {
  const body = JSON.stringify({ error, message, ...details });
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}
