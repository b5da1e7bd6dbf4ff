import { createHash, timingSafeEqual } from "node:crypto";

/** sha256 of a string: a fixed-length digest, so comparisons do not depend on the input's length. */
export function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Compares a presented secret with a known digest in constant time (whatever their lengths). */
export function matchesDigest(presented: string, known: Buffer): boolean {
  return timingSafeEqual(digest(presented), known);
}
