import { randomBytes } from "node:crypto";
import { digest, matchesDigest } from "./secretsEqual.js";

/** What a token stands for. */
export interface TokenGrant {
  readonly accountId: number;
  /** Granted scopes, space-separated, e.g. `trade:read_write`. */
  readonly scope: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

/** The `public/auth` result fields a new token pair fills. */
export interface IssuedTokens {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
}

/** How long an expired token is remembered, so that it is answered "expired" and not "unknown". */
const EXPIRED_KEPT_MS = 3_600_000;

interface Stored extends TokenGrant {
  readonly tokenDigest: Buffer;
  /** On a refresh token: the access lifetime its pair was issued with (a refresh keeps it). */
  readonly accessTtlSeconds?: number;
}

/** Token lifetimes in seconds. */
export interface TokenLifetimes {
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
}

/**
 * Access and refresh tokens, in memory (a restart logs everyone out). A token is
 * `<issued ms>.<handle>.<secret>`: the handle finds the entry and the whole token is compared with
 * the stored digest in constant time. A refresh token is single-use.
 */
export class TokenStore {
  readonly #access = new Map<string, Stored>();
  readonly #refresh = new Map<string, Stored>();
  readonly #lifetimes: TokenLifetimes;
  #issuedSinceSweep = 0;

  constructor(lifetimes: TokenLifetimes) {
    this.#lifetimes = lifetimes;
  }

  /** The longest access token lifetime, seconds. */
  get accessTtlSeconds(): number {
    return this.#lifetimes.accessTtlSeconds;
  }

  /**
   * Issues an access token and a refresh token for an account and scope; the access token lives
   * `accessTtlSeconds` when given (at most the store's lifetime), else the store's lifetime.
   */
  issue(accountId: number, scope: string, now: number, accessTtlSeconds?: number): IssuedTokens {
    if (++this.#issuedSinceSweep >= 1024) this.#sweep(now);
    const { refreshTtlSeconds } = this.#lifetimes;
    const ttl = Math.min(accessTtlSeconds ?? Infinity, this.#lifetimes.accessTtlSeconds);
    return {
      access_token: this.#mint(this.#access, accountId, scope, now + ttl * 1000, now),
      token_type: "bearer",
      expires_in: ttl,
      refresh_token: this.#mint(
        this.#refresh,
        accountId,
        scope,
        now + refreshTtlSeconds * 1000,
        now,
        accessTtlSeconds,
      ),
      scope,
    };
  }

  /**
   * The grant of a live access token; `"expired"` for one this store issued whose time is up (kept
   * for an hour after); else undefined (unknown or forged).
   */
  resolve(token: string, now: number): TokenGrant | "expired" | undefined {
    return find(this.#access, token, now);
  }

  /**
   * Consumes a live refresh token and issues a new pair with the same account and scope;
   * `"expired"` or undefined (unknown, forged or already used) as {@link TokenStore.resolve}.
   */
  refresh(token: string, now: number): IssuedTokens | "expired" | undefined {
    const grant = find(this.#refresh, token, now);
    if (grant === undefined || grant === "expired") return grant;
    this.#refresh.delete(handleOf(token)!);
    return this.issue(grant.accountId, grant.scope, now, grant.accessTtlSeconds);
  }

  #mint(
    into: Map<string, Stored>,
    accountId: number,
    scope: string,
    expiresAt: number,
    now: number,
    accessTtlSeconds?: number,
  ): string {
    let handle: string;
    do handle = randomBytes(6).toString("base64url");
    while (into.has(handle));
    const token = `${now}.${handle}.${randomBytes(32).toString("base64url")}`;
    const stored: Stored = { accountId, scope, expiresAt, tokenDigest: digest(token) };
    into.set(handle, accessTtlSeconds === undefined ? stored : { ...stored, accessTtlSeconds });
    return token;
  }

  #sweep(now: number): void {
    this.#issuedSinceSweep = 0;
    for (const map of [this.#access, this.#refresh]) {
      for (const [handle, stored] of map) {
        if (stored.expiresAt + EXPIRED_KEPT_MS <= now) map.delete(handle);
      }
    }
  }
}

function handleOf(token: string): string | undefined {
  const first = token.indexOf(".");
  const second = token.indexOf(".", first + 1);
  return first < 0 || second < 0 ? undefined : token.slice(first + 1, second);
}

function find(
  map: Map<string, Stored>,
  token: string,
  now: number,
): Stored | "expired" | undefined {
  const handle = handleOf(token);
  const stored = handle === undefined ? undefined : map.get(handle);
  // Only the whole token tells "expired" from "unknown": a guessed handle learns nothing.
  if (stored === undefined || !matchesDigest(token, stored.tokenDigest)) return undefined;
  return stored.expiresAt <= now ? "expired" : stored;
}
