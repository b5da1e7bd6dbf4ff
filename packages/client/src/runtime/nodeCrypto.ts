import { createHmac, randomBytes } from "node:crypto";
import type { CryptoProvider } from "./CryptoProvider.js";

/** `CryptoProvider` on `node:crypto` (synchronous HMAC). */
export const nodeCrypto: CryptoProvider = {
  hmacSha256Hex: (secret, message) => createHmac("sha256", secret).update(message).digest("hex"),
  nonce: () => randomBytes(12).toString("hex"),
};
