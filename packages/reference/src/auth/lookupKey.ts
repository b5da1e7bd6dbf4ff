import { createHmac } from "node:crypto";

/**
 * The key a token handle is stored under: a keyed hash (HMAC-SHA256 under a per-store random key),
 * so that the map is never probed with a string the caller chose.
 */
export function lookupKey(key: Buffer, handle: string): string {
  return createHmac("sha256", key).update(handle).digest("base64url");
}
