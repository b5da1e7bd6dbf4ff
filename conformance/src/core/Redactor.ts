import type { Exchange } from "../driver/Exchange.js";
import type { Accounts } from "./Accounts.js";
import type { CheckResult } from "./CheckResult.js";

/** What a secret, token or signature is replaced with. */
export const REDACTED = "<redacted>";

/** Params and result members that carry credentials. */
const SECRET_KEYS = "access_token|refresh_token|client_secret|signature";
const SECRET_KEY = new RegExp(`^(${SECRET_KEYS})$`);
/** `"key": "value` in JSON text; the value may be cut short by a truncation (no closing quote, `…`). */
const JSON_MEMBER = new RegExp(`("(?:${SECRET_KEYS})"\\s*:\\s*")((?:[^"\\\\\\s…]|\\\\.)*)`, "g");
/** `key=value` in a query string or form. */
const QUERY_MEMBER = new RegExp(`\\b(${SECRET_KEYS})=([^&\\s"#]*)`, "g");
/** An Authorization value: `Bearer x`, `Basic x`, or a deri-hmac-sha256 `sig=`. */
const AUTH_VALUE = /\b(Bearer|Basic)(\s+)(?!<redacted>)[^\s",}]+/gi;
const HMAC_SIG = /\bsig=(?!<redacted>)[^\s",}]+/gi;

/** Strings worth looking for: the shortest secret that is more than a word. */
const MIN_SECRET = 6;

/**
 * Removes credentials from what the suite prints and writes: the accounts' secrets, every token
 * the server issued or the suite sent (learned from the exchanges as they are recorded), and any
 * value of an `access_token`, `refresh_token`, `client_secret` or `signature` member or an
 * `Authorization` header, even one cut short by a truncation.
 *
 * @example
 * const redactor = new Redactor(accounts);
 * redactor.learn(exchange);
 * console.log(redactor.text(exchange.request));
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(accounts?: Accounts) {
    for (const a of [accounts?.maker, accounts?.taker]) if (a) this.add(a.secret);
  }

  private add(value: unknown): void {
    if (typeof value === "string" && value.length >= MIN_SECRET) this.secrets.add(value);
  }

  private collect(value: unknown, key?: string): void {
    if (Array.isArray(value)) for (const v of value) this.collect(v);
    else if (value !== null && typeof value === "object")
      for (const [k, v] of Object.entries(value)) this.collect(v, k);
    else if (key !== undefined && SECRET_KEY.test(key)) this.add(value);
  }

  /** Remembers the credentials an exchange carries (tokens issued, tokens and secrets sent). */
  learn(exchange: Exchange): void {
    this.collect(exchange.response);
    try {
      this.collect(JSON.parse(exchange.request));
    } catch {
      // Not JSON: the patterns still mask what it carries.
    }
    for (const [name, value] of Object.entries(exchange.requestHeaders ?? {})) {
      if (/^authorization$/i.test(name)) this.add(value.replace(/^\S+\s+/, ""));
    }
  }

  /** Text with every credential masked. */
  text(text: string): string {
    let out = text;
    // Longest first, so that a secret inside a longer token is not half masked.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(s)) out = out.split(s).join(REDACTED);
    }
    return out
      .replace(JSON_MEMBER, `$1${REDACTED}`)
      .replace(QUERY_MEMBER, `$1=${REDACTED}`)
      .replace(AUTH_VALUE, `$1$2${REDACTED}`)
      .replace(HMAC_SIG, `sig=${REDACTED}`);
  }

  /** A copy of an exchange with credentials masked in its texts, headers and parsed answer. */
  exchange(e: Exchange): Exchange {
    const out: Exchange = { ...e, url: this.text(e.url), request: this.text(e.request) };
    if (e.requestHeaders !== undefined) {
      out.requestHeaders = Object.fromEntries(
        Object.entries(e.requestHeaders).map(([k, v]) => [
          k,
          /^authorization$/i.test(k) ? `${v.split(/\s+/)[0]} ${REDACTED}` : this.text(v),
        ]),
      );
    }
    if (e.responseText !== undefined) out.responseText = this.text(e.responseText);
    if (e.response !== undefined) out.response = JSON.parse(this.text(JSON.stringify(e.response)));
    if (e.error !== undefined) out.error = this.text(e.error);
    return out;
  }

  /** A copy of a result with credentials masked in its details, expectation and exchange. */
  result(r: CheckResult): CheckResult {
    if (r.exchange !== undefined) this.learn(r.exchange);
    const out: CheckResult = { ...r, details: this.text(r.details) };
    if (r.expected !== undefined) out.expected = this.text(r.expected);
    if (r.exchange !== undefined) out.exchange = this.exchange(r.exchange);
    return out;
  }
}
