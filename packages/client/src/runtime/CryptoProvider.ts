/**
 * The two primitives authentication needs, behind an interface so that the browser entry uses
 * WebCrypto and never imports `node:crypto`.
 */
export interface CryptoProvider {
  /** Lower-case hex HMAC-SHA256 of the UTF-8 `message` under the UTF-8 `secret`. */
  hmacSha256Hex(secret: string, message: string): string | Promise<string>;
  /** A fresh random nonce (URL-safe, no `,` or `=`), different on every call. */
  nonce(): string;
}
