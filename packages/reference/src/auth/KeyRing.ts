import { createHmac, randomBytes } from "node:crypto";
import type { ApiKey } from "../config/ApiKey.js";
import { digest, matchesDigest } from "./secretsEqual.js";

interface Entry {
  readonly key: ApiKey;
  readonly secretDigest: Buffer;
}

/**
 * The API keys by client id. An unknown client id goes through the same work as a known one (a
 * random stand-in secret), so a wrong id and a wrong secret cost the same and answer the same.
 */
export class KeyRing {
  readonly #byId = new Map<string, Entry>();
  readonly #standIn: Entry;

  constructor(keys: readonly ApiKey[]) {
    for (const key of keys) {
      this.#byId.set(key.clientId, { key, secretDigest: digest(key.clientSecret) });
    }
    const secret = randomBytes(32).toString("hex");
    this.#standIn = {
      key: { clientId: "", clientSecret: secret, accountId: -1, maxScope: "trade:read" },
      secretDigest: digest(secret),
    };
  }

  #entry(clientId: string): { entry: Entry; known: boolean } {
    const entry = this.#byId.get(clientId);
    return entry === undefined ? { entry: this.#standIn, known: false } : { entry, known: true };
  }

  /** The key when `secret` is its client secret (constant-time), else undefined. */
  verifySecret(clientId: string, secret: string): ApiKey | undefined {
    const { entry, known } = this.#entry(clientId);
    const ok = matchesDigest(secret, entry.secretDigest);
    return ok && known ? entry.key : undefined;
  }

  /** The key when `signature` is the hex HMAC-SHA256 of `message` under its secret, else undefined. */
  verifySignature(clientId: string, message: string, signature: string): ApiKey | undefined {
    const { entry, known } = this.#entry(clientId);
    const expected = createHmac("sha256", entry.key.clientSecret).update(message).digest("hex");
    // Both sides hashed to the same length first: timingSafeEqual needs equal lengths.
    const ok = matchesDigest(signature.toLowerCase(), digest(expected));
    return ok && known ? entry.key : undefined;
  }
}
