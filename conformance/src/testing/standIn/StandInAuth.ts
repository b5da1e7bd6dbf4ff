import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A test account of the stand-in server. */
export interface StandInAccount {
  clientId: string;
  secret: string;
  accountId: number;
}

/** Who a call acts as, or the error that refuses it. */
export type Who =
  | { ok: true; accountId: number; scope: string }
  | { ok: false; code: 10000 | 13009; message: string };

interface Grant {
  accountId: number;
  scope: string;
}

const hmac = (secret: string, text: string) =>
  createHmac("sha256", secret).update(text).digest("hex");
const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
const unauthorized = { ok: false, code: 13009, message: "unauthorized" } as const;

/** Tokens, grants and the HTTP Authorization forms, as the spec's x-auth-schemes describes. */
export class StandInAuth {
  private readonly tokens = new Map<string, Grant>();
  private readonly refresh = new Map<string, Grant>();
  private readonly nonces = new Set<string>();

  constructor(
    readonly accounts: readonly StandInAccount[],
    private readonly loose: { allowNonceReplay?: boolean; anySecret?: boolean } = {},
  ) {}

  private issue(grant: Grant, state: unknown) {
    const access = randomBytes(16).toString("hex");
    const refresh = randomBytes(16).toString("hex");
    this.tokens.set(access, grant);
    this.refresh.set(refresh, grant);
    const result: Record<string, unknown> = {
      access_token: access,
      token_type: "bearer",
      expires_in: 900,
      refresh_token: refresh,
      scope: grant.scope,
    };
    if (typeof state === "string") result["state"] = state;
    return result;
  }

  private account(id: unknown) {
    return this.accounts.find((a) => a.clientId === id);
  }

  /** `public/auth`: the result, or 13009. */
  grant(
    params: Record<string, unknown>,
  ): { result: unknown } | { error: { code: number; message: string } } {
    const scope =
      typeof params["scope"] === "string" &&
      !params["scope"].includes("trade:read_write") &&
      params["scope"].includes("trade:read")
        ? "trade:read"
        : "trade:read_write";
    const fail = { error: { code: 13009, message: "unauthorized" } };
    switch (params["grant_type"]) {
      case "client_credentials": {
        const a = this.account(params["client_id"]);
        const secret = params["client_secret"];
        if (a === undefined || typeof secret !== "string") return fail;
        if (!this.loose.anySecret && !same(a.secret, secret)) return fail;
        return { result: this.issue({ accountId: a.accountId, scope }, params["state"]) };
      }
      case "client_signature": {
        const a = this.account(params["client_id"]);
        const { timestamp, nonce, signature } = params;
        const data = typeof params["data"] === "string" ? params["data"] : "";
        if (a === undefined || typeof signature !== "string" || typeof nonce !== "string")
          return fail;
        if (typeof timestamp !== "number" || Math.abs(Date.now() - timestamp) > 60_000) return fail;
        if (!same(hmac(a.secret, `${timestamp}\n${nonce}\n${data}`), signature)) return fail;
        return { result: this.issue({ accountId: a.accountId, scope }, params["state"]) };
      }
      case "refresh_token": {
        const g =
          typeof params["refresh_token"] === "string"
            ? this.refresh.get(params["refresh_token"])
            : undefined;
        if (g === undefined) return fail;
        return { result: this.issue(g, params["state"]) };
      }
      default:
        return { error: { code: -32602, message: "Invalid params" } };
    }
  }

  /** An access token's grant. */
  token(token: string): Who {
    const g = this.tokens.get(token);
    return g === undefined ? unauthorized : { ok: true, ...g };
  }

  /** An HTTP `Authorization` header (bearer, basic, deri-hmac-sha256). */
  header(value: string, request: { method: string; path: string; body: string }): Who {
    const [scheme = "", ...rest] = value.trim().split(/\s+/);
    const arg = rest.join(" ");
    switch (scheme.toLowerCase()) {
      case "bearer":
        return this.token(arg);
      case "basic": {
        const [id, ...secret] = Buffer.from(arg, "base64").toString("utf8").split(":");
        const a = this.account(id);
        return a !== undefined && same(a.secret, secret.join(":"))
          ? { ok: true, accountId: a.accountId, scope: "trade:read_write" }
          : unauthorized;
      }
      case "deri-hmac-sha256": {
        const f = Object.fromEntries(
          arg.split(",").map((kv) => kv.trim().split("=", 2) as [string, string]),
        );
        const a = this.account(f["id"]);
        const ts = Number(f["ts"]);
        if (a === undefined || !f["nonce"] || !f["sig"] || !Number.isFinite(ts))
          return unauthorized;
        if (Math.abs(Date.now() - ts) > 60_000) return unauthorized;
        const text = `${f["ts"]}\n${f["nonce"]}\n${request.method.toUpperCase()}\n${request.path}\n${request.body}\n`;
        if (!same(hmac(a.secret, text), f["sig"])) return unauthorized;
        const key = `${a.clientId}\n${f["nonce"]}`;
        if (this.nonces.has(key) && !this.loose.allowNonceReplay) return unauthorized;
        this.nonces.add(key);
        return { ok: true, accountId: a.accountId, scope: "trade:read_write" };
      }
      default:
        return unauthorized;
    }
  }
}
