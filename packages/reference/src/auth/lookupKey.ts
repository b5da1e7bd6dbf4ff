import { createHash } from "node:crypto";

/**
 * The key a token handle is stored under: SHA-256 of a per-store random key and the handle, so
 * that the map is never probed with a string the caller chose or can predict. (Not a MAC, so
 * length extension does not matter; one hash costs half an HMAC.)
 */
export function lookupKey(key: Buffer, handle: string): string {
  return createHash("sha256").update(key).update(handle).digest("base64url");
}
