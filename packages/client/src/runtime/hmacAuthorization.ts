import { httpStringToSign } from "@unwind/protocol";
import type { CryptoProvider } from "./CryptoProvider.js";

/** What a `deri-hmac-sha256` Authorization header signs. */
export interface HmacRequest {
  clientId: string;
  clientSecret: string;
  /** The HTTP method, any case (upper-cased in the string to sign). */
  httpMethod: string;
  /** The request target exactly as sent: path plus `?query` when there is one. */
  pathAndQuery: string;
  /** The request body exactly as sent; `""` for a GET. */
  body: string;
  /** Milliseconds since the epoch (default `Date.now()`). */
  timestamp?: number;
  /** Default: a fresh `crypto.nonce()`. */
  nonce?: string;
}

/**
 * The HTTP string to sign of contract.md:
 * `ts + "\n" + nonce + "\n" + UPPER(method) + "\n" + path?query + "\n" + body + "\n"`.
 */
export function hmacStringToSign(
  timestamp: number,
  nonce: string,
  httpMethod: string,
  pathAndQuery: string,
  body: string,
): string {
  return httpStringToSign(timestamp, nonce, httpMethod, pathAndQuery, body);
}

/**
 * Builds `deri-hmac-sha256 id=..,ts=..,nonce=..,sig=..` for one HTTP request, with a fresh
 * nonce unless one is given.
 *
 * @example
 * const header = await hmacAuthorization({ clientId, clientSecret, httpMethod: "POST",
 *   pathAndQuery: "/api/v2", body }, nodeCrypto)
 */
export async function hmacAuthorization(
  request: HmacRequest,
  crypto: CryptoProvider,
): Promise<string> {
  const timestamp = request.timestamp ?? Date.now();
  const nonce = request.nonce ?? crypto.nonce();
  const toSign = hmacStringToSign(
    timestamp,
    nonce,
    request.httpMethod,
    request.pathAndQuery,
    request.body,
  );
  const sig = await crypto.hmacSha256Hex(request.clientSecret, toSign);
  return `deri-hmac-sha256 id=${request.clientId},ts=${timestamp},nonce=${nonce},sig=${sig}`;
}
