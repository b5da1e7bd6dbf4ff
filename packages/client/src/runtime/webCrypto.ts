import type { CryptoProvider } from "./CryptoProvider.js";

/** The slice of WebCrypto used here, typed locally so no DOM lib is needed. */
interface SubtleLike {
  importKey(
    format: "raw",
    key: Uint8Array,
    algorithm: { name: "HMAC"; hash: "SHA-256" },
    extractable: false,
    usages: ["sign"],
  ): Promise<unknown>;
  sign(algorithm: "HMAC", key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}
interface WebCryptoLike {
  subtle: SubtleLike;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

function hex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/**
 * `CryptoProvider` on WebCrypto (`globalThis.crypto`, async HMAC): browsers, Deno, Node 20+.
 * Imported keys are cached per secret.
 */
export function createWebCrypto(
  crypto: WebCryptoLike = (globalThis as unknown as { crypto: WebCryptoLike }).crypto,
): CryptoProvider {
  const encoder = new TextEncoder();
  const keys = new Map<string, Promise<unknown>>();
  return {
    async hmacSha256Hex(secret, message) {
      let key = keys.get(secret);
      if (!key) {
        key = crypto.subtle.importKey(
          "raw",
          encoder.encode(secret),
          { name: "HMAC", hash: "SHA-256" },
          false,
          ["sign"],
        );
        keys.set(secret, key);
      }
      return hex(
        new Uint8Array(await crypto.subtle.sign("HMAC", await key, encoder.encode(message))),
      );
    },
    nonce: () => hex(crypto.getRandomValues(new Uint8Array(12))),
  };
}
