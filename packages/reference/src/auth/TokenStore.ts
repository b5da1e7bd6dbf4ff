import { randomBytes } from "node:crypto";
import { lookupKey } from "./lookupKey.js";
import { digest, matchesDigest } from "./secretsEqual.js";

/** What a token stands for. */
export interface TokenGrant {
  readonly accountId: number;
  /** Granted scopes, space-separated, e.g. `trade:read_write`. */
  readonly scope: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
  /** The API key the token was issued to. */
  readonly clientId: string;
  /** True once the key's token cap revoked it (a WebSocket authenticated with it drops it then). */
  readonly revoked: boolean;
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

/** The default of {@link TokenStoreOptions.maxTokensPerKey}. */
export const DEFAULT_MAX_TOKENS_PER_KEY = 32;

/** An access token and its refresh token, as issued together; each field is cleared when its token goes. */
interface Pair {
  readonly clientId: string;
  access: string | undefined;
  refresh: string | undefined;
  revoked: boolean;
}

interface Stored {
  readonly accountId: number;
  readonly scope: string;
  readonly expiresAt: number;
  readonly tokenDigest: Buffer;
  readonly pair: Pair;
  /** On a refresh token: the access lifetime its pair was issued with (a refresh keeps it). */
  readonly accessTtlSeconds?: number;
}

/** Token lifetimes in seconds. */
export interface TokenLifetimes {
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
}

/** Lifetimes and the per-key cap. */
export interface TokenStoreOptions extends TokenLifetimes {
  /**
   * Token pairs an API key may hold at once (default 32): the next `public/auth` revokes the
   * oldest pair, access and refresh token alike, so memory stays bounded however often a key logs in.
   */
  readonly maxTokensPerKey?: number;
}

/**
 * Access and refresh tokens, in memory (a restart logs everyone out). A token is
 * `<issued ms>.<handle>.<secret>`: the handle, through a keyed hash, finds the entry and the whole
 * token is compared with the stored digest in constant time; an unknown handle is compared with a
 * stand-in entry, so a lookup does the same work whether the handle exists or not. A refresh token
 * is single-use. Each API key holds at most `maxTokensPerKey` pairs; the oldest goes first.
 */
export class TokenStore {
  readonly #access = new Map<string, Stored>();
  readonly #refresh = new Map<string, Stored>();
  /** Per client id, its live pairs, oldest first. */
  readonly #pairs = new Map<string, Set<Pair>>();
  readonly #lifetimes: TokenLifetimes;
  readonly #maxPerKey: number;
  readonly #lookupKey = randomBytes(32);
  readonly #standIn: Stored;
  #issuedSinceSweep = 0;

  constructor(options: TokenStoreOptions) {
    this.#lifetimes = options;
    this.#maxPerKey = options.maxTokensPerKey ?? DEFAULT_MAX_TOKENS_PER_KEY;
    if (!Number.isSafeInteger(this.#maxPerKey) || this.#maxPerKey < 1) {
      throw new Error(
        `could not cap tokens per key at ${this.#maxPerKey}. Expected an integer >= 1`,
      );
    }
    const pair: Pair = { clientId: "", access: undefined, refresh: undefined, revoked: true };
    this.#standIn = {
      accountId: -1,
      scope: "",
      expiresAt: 0,
      tokenDigest: digest(randomBytes(32).toString("base64url")),
      pair,
    };
  }

  /** The longest access token lifetime, seconds. */
  get accessTtlSeconds(): number {
    return this.#lifetimes.accessTtlSeconds;
  }

  /** Tokens stored (access and refresh, expired ones still remembered included). */
  get size(): number {
    return this.#access.size + this.#refresh.size;
  }

  /**
   * Issues an access token and a refresh token for an API key, its account and a scope; the access
   * token lives `accessTtlSeconds` when given (at most the store's lifetime), else the store's
   * lifetime. When the key already holds `maxTokensPerKey` pairs, the oldest is revoked.
   */
  issue(
    clientId: string,
    accountId: number,
    scope: string,
    now: number,
    accessTtlSeconds?: number,
  ): IssuedTokens {
    if (++this.#issuedSinceSweep >= 1024) this.#sweep(now);
    const { refreshTtlSeconds } = this.#lifetimes;
    const ttl = Math.min(accessTtlSeconds ?? Infinity, this.#lifetimes.accessTtlSeconds);
    let pairs = this.#pairs.get(clientId);
    if (pairs === undefined) {
      pairs = new Set();
      this.#pairs.set(clientId, pairs);
    }
    while (pairs.size >= this.#maxPerKey) this.#revoke(pairs.values().next().value!);
    const pair: Pair = { clientId, access: undefined, refresh: undefined, revoked: false };
    pairs.add(pair);
    const access = this.#mint(this.#access, pair, accountId, scope, now + ttl * 1000, now);
    pair.access = access.key;
    const refresh = this.#mint(
      this.#refresh,
      pair,
      accountId,
      scope,
      now + refreshTtlSeconds * 1000,
      now,
      accessTtlSeconds,
    );
    pair.refresh = refresh.key;
    return {
      access_token: access.token,
      token_type: "bearer",
      expires_in: ttl,
      refresh_token: refresh.token,
      scope,
    };
  }

  /**
   * The grant of a live access token; `"expired"` for one this store issued whose time is up (kept
   * for an hour after); else undefined (unknown, revoked or forged).
   */
  resolve(token: string, now: number): TokenGrant | "expired" | undefined {
    const found = this.#find(this.#access, token);
    if (found === undefined) return undefined;
    const { stored } = found;
    if (stored.expiresAt <= now) return "expired";
    const { pair } = stored;
    return {
      accountId: stored.accountId,
      scope: stored.scope,
      expiresAt: stored.expiresAt,
      clientId: pair.clientId,
      get revoked() {
        return pair.revoked;
      },
    };
  }

  /**
   * Consumes a live refresh token and issues a new pair with the same key, account and scope;
   * `"expired"` or undefined (unknown, revoked, forged or already used) as {@link TokenStore.resolve}.
   */
  refresh(token: string, now: number): IssuedTokens | "expired" | undefined {
    const found = this.#find(this.#refresh, token);
    if (found === undefined) return undefined;
    const { key, stored } = found;
    if (stored.expiresAt <= now) return "expired";
    this.#drop(this.#refresh, key, stored.pair);
    return this.issue(
      stored.pair.clientId,
      stored.accountId,
      stored.scope,
      now,
      stored.accessTtlSeconds,
    );
  }

  /**
   * The entry of a token and its map key, or undefined. The same work either way: the keyed hash of
   * the handle, one map read, one digest and one constant-time comparison (with the stand-in's digest
   * when the handle is unknown).
   */
  #find(map: Map<string, Stored>, token: string): { key: string; stored: Stored } | undefined {
    const key = lookupKey(this.#lookupKey, handleOf(token));
    const stored = map.get(key);
    const matches = matchesDigest(token, (stored ?? this.#standIn).tokenDigest);
    return matches && stored !== undefined ? { key, stored } : undefined;
  }

  #mint(
    into: Map<string, Stored>,
    pair: Pair,
    accountId: number,
    scope: string,
    expiresAt: number,
    now: number,
    accessTtlSeconds?: number,
  ): { key: string; token: string } {
    let handle: string;
    let key: string;
    do {
      handle = randomBytes(6).toString("base64url");
      key = lookupKey(this.#lookupKey, handle);
    } while (into.has(key));
    const token = `${now}.${handle}.${randomBytes(32).toString("base64url")}`;
    const stored: Stored = { accountId, scope, expiresAt, tokenDigest: digest(token), pair };
    into.set(key, accessTtlSeconds === undefined ? stored : { ...stored, accessTtlSeconds });
    return { key, token };
  }

  /** Revokes a pair: both its tokens stop working at once. */
  #revoke(pair: Pair): void {
    pair.revoked = true;
    if (pair.access !== undefined) this.#drop(this.#access, pair.access, pair);
    if (pair.refresh !== undefined) this.#drop(this.#refresh, pair.refresh, pair);
  }

  /** Forgets one token of a pair, and the pair once both of its tokens are gone. */
  #drop(map: Map<string, Stored>, key: string, pair: Pair): void {
    map.delete(key);
    if (map === this.#access) pair.access = undefined;
    else pair.refresh = undefined;
    if (pair.access === undefined && pair.refresh === undefined) {
      const pairs = this.#pairs.get(pair.clientId);
      pairs?.delete(pair);
      if (pairs?.size === 0) this.#pairs.delete(pair.clientId);
    }
  }

  #sweep(now: number): void {
    this.#issuedSinceSweep = 0;
    for (const map of [this.#access, this.#refresh]) {
      for (const [key, stored] of map) {
        if (stored.expiresAt + EXPIRED_KEPT_MS <= now) this.#drop(map, key, stored.pair);
      }
    }
  }
}

/** The handle of `<issued ms>.<handle>.<secret>`; "" for a token without one (it matches nothing). */
function handleOf(token: string): string {
  const first = token.indexOf(".");
  const second = token.indexOf(".", first + 1);
  return first < 0 || second < 0 ? "" : token.slice(first + 1, second);
}
