import type { CryptoProvider } from "./CryptoProvider.js";
import { clientSignatureParams } from "./clientSignatureParams.js";
import { InvalidResponseError } from "./InvalidResponseError.js";
import { RpcError } from "./RpcError.js";

/** API key credentials and how `public/auth` should use them. */
export interface Credentials {
  clientId: string;
  clientSecret: string;
  /** `public/auth` grant (default `client_credentials`); `client_signature` never sends the secret. */
  grant?: "client_credentials" | "client_signature";
  /** Requested scope, e.g. `trade:read_write` (default: whatever the server grants). */
  scope?: string;
  /** The `data` a `client_signature` grant signs (default `""`). */
  signatureData?: string;
}

/** The tokens of a successful `public/auth`, and when they expire. */
export interface AuthSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: string;
  readonly scope: string;
  readonly expiresIn: number;
  /** `Date.now()` when the token came, and when it expires (ms since the epoch). */
  readonly obtainedAt: number;
  readonly expiresAt: number;
  /** From then on, a call refreshes the token first (`refresh_token` grant). */
  readonly refreshAt: number;
}

/** Sends `public/auth` somewhere (the HTTP transport, or the WebSocket being set up). */
export type AuthCall = (method: string, params: object) => Promise<unknown>;

/**
 * Holds the tokens of one set of credentials: `login` (client_credentials or client_signature
 * with a fresh nonce), `refresh` (refresh_token grant, falling back to `login` when the server
 * refuses the refresh token) and `accessToken`, which refreshes before expiry.
 */
export class TokenManager {
  #session: AuthSession | undefined;
  #pending: Promise<AuthSession> | undefined;
  readonly #credentials: Credentials;
  readonly #crypto: CryptoProvider;
  readonly #refreshMarginMs: number | undefined;
  readonly #now: () => number;

  constructor(
    credentials: Credentials,
    crypto: CryptoProvider,
    options: { refreshMarginMs?: number; now?: () => number } = {},
  ) {
    this.#credentials = credentials;
    this.#crypto = crypto;
    this.#refreshMarginMs = options.refreshMarginMs;
    this.#now = options.now ?? Date.now;
  }

  get session(): AuthSession | undefined {
    return this.#session;
  }

  /** Whether the held token is missing or due for a refresh. */
  needsToken(): boolean {
    return this.#session === undefined || this.#now() >= this.#session.refreshAt;
  }

  /** A fresh grant with the credentials. */
  login(call: AuthCall): Promise<AuthSession> {
    return this.#track(this.#grant(call));
  }

  /** Exchanges the refresh token; logs in again when there is none or it is refused. */
  refresh(call: AuthCall): Promise<AuthSession> {
    return this.#track(this.#refresh(call));
  }

  /** A valid access token: logs in or refreshes first when needed (one request at a time). */
  async accessToken(call: AuthCall): Promise<string> {
    if (!this.needsToken()) return this.#session!.accessToken;
    const session = await (this.#pending ??
      (this.#session ? this.refresh(call) : this.login(call)));
    return session.accessToken;
  }

  /** Forgets the session (e.g. after the server refused its token), unless a newer one came. */
  invalidate(accessToken?: string): void {
    if (accessToken === undefined || this.#session?.accessToken === accessToken)
      this.#session = undefined;
  }

  #track(promise: Promise<AuthSession>): Promise<AuthSession> {
    const tracked = promise.finally(() => {
      if (this.#pending === tracked) this.#pending = undefined;
    });
    this.#pending = tracked;
    return tracked;
  }

  async #grant(call: AuthCall): Promise<AuthSession> {
    const { clientId, clientSecret, scope } = this.#credentials;
    const params =
      this.#credentials.grant === "client_signature"
        ? await clientSignatureParams(this.#credentials, this.#crypto, {
            data: this.#credentials.signatureData,
          })
        : {
            grant_type: "client_credentials",
            client_id: clientId,
            client_secret: clientSecret,
            ...(scope === undefined ? {} : { scope }),
          };
    return this.#store(await call("public/auth", params));
  }

  async #refresh(call: AuthCall): Promise<AuthSession> {
    const refreshToken = this.#session?.refreshToken;
    if (!refreshToken) return this.#grant(call);
    try {
      return this.#store(
        await call("public/auth", { grant_type: "refresh_token", refresh_token: refreshToken }),
      );
    } catch (error) {
      if (error instanceof RpcError) return this.#grant(call);
      throw error;
    }
  }

  #store(result: unknown): AuthSession {
    const r = result as Record<string, unknown> | null;
    if (typeof r?.access_token !== "string" || typeof r.expires_in !== "number") {
      throw new InvalidResponseError("public/auth returned no access_token and expires_in", {
        body: JSON.stringify(result) ?? "undefined",
        method: "public/auth",
      });
    }
    const obtainedAt = this.#now();
    const lifetimeMs = r.expires_in * 1000;
    const margin = this.#refreshMarginMs ?? Math.min(60_000, lifetimeMs * 0.2);
    this.#session = {
      accessToken: r.access_token,
      refreshToken: typeof r.refresh_token === "string" ? r.refresh_token : "",
      tokenType: typeof r.token_type === "string" ? r.token_type : "bearer",
      scope: typeof r.scope === "string" ? r.scope : "",
      expiresIn: r.expires_in,
      obtainedAt,
      expiresAt: obtainedAt + lifetimeMs,
      refreshAt: obtainedAt + lifetimeMs - margin,
    };
    return this.#session;
  }
}
