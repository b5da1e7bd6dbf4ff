import { clientSignatureStringToSign } from "@unwind/protocol";
import {
  type AuthOutcome,
  type Credentials,
  hmacStringToSign,
  InvalidParamsError,
  type Principal,
  RpcError,
  type ServerAuth,
  TooManyRequestsError,
  UnauthorizedError,
} from "@unwind/server";
import type { ApiKey } from "../config/ApiKey.js";
import { grantScope } from "./grantScope.js";
import { KeyRing } from "./KeyRing.js";
import { LoginThrottle, type LoginThrottleOptions } from "./LoginThrottle.js";
import { NonceStore } from "./NonceStore.js";
import { type IssuedTokens, type TokenGrant, TokenStore } from "./TokenStore.js";

/** How the reference authenticates. */
export interface ReferenceAuthOptions {
  readonly keys: readonly ApiKey[];
  /** The clock, milliseconds since the epoch (tests move it). */
  readonly now: () => number;
  /** Access token lifetime (default 900 s). */
  readonly accessTtlSeconds?: number;
  /** Refresh token lifetime (default 86,400 s). */
  readonly refreshTtlSeconds?: number;
  /** How far a signature timestamp may be from the clock (default 60,000 ms). */
  readonly signatureWindowMs?: number;
  /** Live token pairs per API key (default 32); the next login revokes the oldest. */
  readonly maxTokensPerKey?: number;
  /** Failed-login throttling per client id and per address (default: on, see `LoginThrottle`); false: off. */
  readonly loginThrottle?: LoginThrottleOptions | false;
}

/** The params of `public/auth`, as validated by the method's schema. */
export interface AuthParams {
  grant_type: "client_credentials" | "client_signature" | "refresh_token";
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
  timestamp?: number;
  signature?: string;
  nonce?: string;
  data?: string;
  state?: string;
  scope?: string;
}

/** A `public/auth` result and the principal it stands for (a WebSocket adopts it). */
export interface AuthGrant {
  readonly result: IssuedTokens & { state?: string };
  readonly principal: Principal;
}

/**
 * 13009 without `data`, as the spec says for credentials that do not check out (an unknown client
 * id, a wrong secret or signature, an unknown token): they answer the same, so that an attacker
 * cannot tell which part was wrong. `why` is for the code's reader.
 */
function denied(_why: string): RpcError {
  return new UnauthorizedError();
}

/**
 * 13009 with `data: {reason}`, for failures only the holder of valid credentials can reach: an
 * expired token (its whole value must match), a stale timestamp or a used nonce (checked after the
 * signature). Saying why leaks nothing and tells the client what to fix.
 */
function refused(reason: string): RpcError {
  return new UnauthorizedError({ reason });
}

const BAD_CREDENTIALS = "invalid client credentials";

/**
 * A principal; one from an access token carries the token's expiry and whether it was revoked (a
 * WebSocket authenticated with it drops it then).
 */
function principalOf(accountId: number, scope: string, token?: TokenGrant): Principal {
  // `expires:N` is a token lifetime, not a permission.
  const scopes = scope.split(" ").filter((entry) => !entry.startsWith("expires:"));
  if (token === undefined) return { accountId, scopes };
  return {
    accountId,
    scopes,
    expiresAt: token.expiresAt,
    get revoked() {
      return token.revoked;
    },
  };
}

/** 10028 for a login refused by the failed-login throttle, saying when to retry. */
function throttled(why: { reason: string; retry_after_ms: number }): RpcError {
  return new TooManyRequestsError({ reason: why.reason, retry_after_ms: why.retry_after_ms });
}

/**
 * The contract's authentication: `public/auth` grants (client_credentials, client_signature,
 * refresh_token) and the server hook for bearer tokens (header or `access_token`), Basic and
 * deri-hmac-sha256, with a signature window and single-use (client id, nonce) pairs.
 */
export class ReferenceAuth implements ServerAuth {
  readonly tokens: TokenStore;
  readonly #keys: KeyRing;
  readonly #nonces = new NonceStore();
  readonly #now: () => number;
  readonly #windowMs: number;
  readonly #throttle: LoginThrottle | undefined;

  constructor(options: ReferenceAuthOptions) {
    this.#keys = new KeyRing(options.keys);
    this.#now = options.now;
    this.#windowMs = options.signatureWindowMs ?? 60_000;
    this.tokens = new TokenStore({
      accessTtlSeconds: options.accessTtlSeconds ?? 900,
      refreshTtlSeconds: options.refreshTtlSeconds ?? 86_400,
      ...(options.maxTokensPerKey === undefined
        ? {}
        : { maxTokensPerKey: options.maxTokensPerKey }),
    });
    this.#throttle =
      options.loginThrottle === false ? undefined : new LoginThrottle(options.loginThrottle);
  }

  /**
   * The server hook: credentials to a principal, or 13009; Basic and deri-hmac-sha256 go through
   * the failed-login throttle of `remoteAddress` (10028 while it holds).
   */
  authenticate(credentials: Credentials, _method?: unknown, remoteAddress?: string): AuthOutcome {
    const now = this.#now();
    switch (credentials.scheme) {
      case "bearer": {
        const grant = this.tokens.resolve(credentials.token, now);
        if (grant === "expired") return refused("access token expired");
        if (grant === undefined) return denied("unknown access token");
        return principalOf(grant.accountId, grant.scope, grant);
      }
      case "basic": {
        const id = credentials.clientId;
        const wait = this.#throttle?.check(id, remoteAddress, now);
        if (wait !== undefined) return throttled(wait);
        const key = this.#keys.verifySecret(id, credentials.clientSecret);
        if (key === undefined) {
          this.#throttle?.failed(id, remoteAddress, now);
          return denied(BAD_CREDENTIALS);
        }
        this.#throttle?.succeeded(id, remoteAddress, now);
        return principalOf(key.accountId, key.maxScope);
      }
      case "deri-hmac-sha256": {
        const key = this.#signed(
          credentials.id,
          Number(credentials.ts),
          credentials.nonce,
          hmacStringToSign(credentials),
          credentials.sig,
          now,
          remoteAddress,
        );
        return key instanceof RpcError ? key : principalOf(key.accountId, key.maxScope);
      }
    }
  }

  /**
   * `public/auth` from `remoteAddress`: issues tokens, or returns the rejection as a value (13009,
   * -32602, or 10028 while the failed-login throttle holds for the client id or the address), as
   * the handlers return theirs.
   */
  grant(params: AuthParams, remoteAddress?: string): AuthGrant | RpcError {
    const now = this.#now();
    const result = this.#grantTokens(params, remoteAddress, now);
    if (result instanceof RpcError) return result;
    const answer: AuthGrant["result"] =
      params.state === undefined ? result : { ...result, state: params.state };
    // The new access token's own grant: its principal reads the token's revocation.
    const token = this.tokens.resolve(result.access_token, now) as TokenGrant;
    return { result: answer, principal: principalOf(token.accountId, result.scope, token) };
  }

  /** The token pair a grant type issues, or why not. */
  #grantTokens(
    params: AuthParams,
    remoteAddress: string | undefined,
    now: number,
  ): IssuedTokens | RpcError {
    switch (params.grant_type) {
      case "refresh_token": {
        const token = required(params, "refresh_token");
        if (token instanceof RpcError) return token;
        const wait = this.#throttle?.check(undefined, remoteAddress, now);
        if (wait !== undefined) return throttled(wait);
        const refreshed = this.tokens.refresh(token, now);
        if (refreshed === "expired") return refused("refresh token expired");
        if (refreshed === undefined) {
          this.#throttle?.failed(undefined, remoteAddress, now);
          return denied("unknown or already used refresh token");
        }
        return refreshed;
      }
      case "client_credentials": {
        const id = required(params, "client_id");
        if (id instanceof RpcError) return id;
        const secret = required(params, "client_secret");
        if (secret instanceof RpcError) return secret;
        const wait = this.#throttle?.check(id, remoteAddress, now);
        if (wait !== undefined) return throttled(wait);
        const key = this.#keys.verifySecret(id, secret);
        if (key === undefined) {
          this.#throttle?.failed(id, remoteAddress, now);
          return denied(BAD_CREDENTIALS);
        }
        this.#throttle?.succeeded(id, remoteAddress, now);
        return this.#issue(key, params.scope, now);
      }
      case "client_signature": {
        const id = required(params, "client_id");
        if (id instanceof RpcError) return id;
        const timestamp = required(params, "timestamp");
        if (timestamp instanceof RpcError) return timestamp;
        const nonce = required(params, "nonce");
        if (nonce instanceof RpcError) return nonce;
        const signature = required(params, "signature");
        if (signature instanceof RpcError) return signature;
        const message = clientSignatureStringToSign(timestamp, nonce, params.data ?? "");
        const key = this.#signed(id, timestamp, nonce, message, signature, now, remoteAddress);
        if (key instanceof RpcError) return key;
        return this.#issue(key, params.scope, now);
      }
    }
  }

  /** A token pair for a key, with the scope (and `expires:N` lifetime) asked for. */
  #issue(key: ApiKey, scope: string | undefined, now: number): IssuedTokens {
    const granted = grantScope(scope, key, this.tokens.accessTtlSeconds);
    return this.tokens.issue(
      key.clientId,
      key.accountId,
      granted.scope,
      now,
      granted.accessTtlSeconds,
    );
  }

  /**
   * Checks the throttle, then a signature (a wrong one counts as a failed login), then its timestamp
   * window, then that the nonce is fresh.
   */
  #signed(
    clientId: string,
    ts: number,
    nonce: string,
    message: string,
    signature: string,
    now: number,
    remoteAddress: string | undefined,
  ): ApiKey | RpcError {
    const wait = this.#throttle?.check(clientId, remoteAddress, now);
    if (wait !== undefined) return throttled(wait);
    const key = this.#keys.verifySignature(clientId, message, signature);
    if (key === undefined) {
      this.#throttle?.failed(clientId, remoteAddress, now);
      return denied(BAD_CREDENTIALS);
    }
    this.#throttle?.succeeded(clientId, remoteAddress, now);
    if (!Number.isSafeInteger(ts) || Math.abs(now - ts) > this.#windowMs) {
      return refused(
        `timestamp ${ts} is more than ${this.#windowMs / 1000} s away from the server clock ${now}`,
      );
    }
    if (!this.#nonces.use(clientId, nonce, ts + this.#windowMs, now)) {
      return refused(`nonce ${JSON.stringify(nonce)} was already used`);
    }
    return key;
  }
}

/** A param its grant type needs, or -32602 naming it. */
function required<K extends keyof AuthParams>(
  params: AuthParams,
  name: K,
): NonNullable<AuthParams[K]> | RpcError {
  const value = params[name];
  if (value === undefined) {
    return new InvalidParamsError({
      param: name,
      reason: `required for grant_type ${params.grant_type}`,
    });
  }
  return value as NonNullable<AuthParams[K]>;
}
