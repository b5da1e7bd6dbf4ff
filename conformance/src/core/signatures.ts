import { createHmac, randomBytes } from "node:crypto";
import { clientSignatureStringToSign, httpStringToSign } from "@unwind/protocol";

/** hex HMAC-SHA256(secret, text). */
export function hmacHex(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text).digest("hex");
}

/** A fresh nonce. */
export function nonce(): string {
  return randomBytes(8).toString("hex");
}

/** `public/auth` params for `grant_type: client_signature` (the spec's `clientSignatureStringToSign`). */
export function clientSignatureParams(
  id: string,
  secret: string,
  options: { timestamp?: number; nonce?: string; data?: string } = {},
): Record<string, unknown> {
  const timestamp = options.timestamp ?? Date.now();
  const n = options.nonce ?? nonce();
  const data = options.data ?? "";
  return {
    grant_type: "client_signature",
    client_id: id,
    timestamp,
    nonce: n,
    data,
    signature: hmacHex(secret, clientSignatureStringToSign(timestamp, n, data)),
  };
}

/**
 * An HTTP `Authorization: deri-hmac-sha256 ...` header value, signing the spec's
 * `httpStringToSign`: `ts\nnonce\nMETHOD\npath?query\nbody\n`.
 */
export function hmacAuthorization(
  id: string,
  secret: string,
  request: { httpMethod: string; path: string; body: string },
  options: { ts?: number; nonce?: string } = {},
): string {
  const ts = options.ts ?? Date.now();
  const n = options.nonce ?? nonce();
  const text = httpStringToSign(ts, n, request.httpMethod, request.path, request.body);
  return `deri-hmac-sha256 id=${id},ts=${ts},nonce=${n},sig=${hmacHex(secret, text)}`;
}
