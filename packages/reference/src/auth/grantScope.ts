import { InvalidParamsError } from "@unwind/server";
import type { ApiKey } from "../config/ApiKey.js";

/** A granted scope and, when asked with `expires:N`, the access token's lifetime in seconds. */
export interface GrantedScope {
  /** Space-separated, e.g. `trade:read_write` or `trade:read_write expires:60`. */
  readonly scope: string;
  /** The lifetime `expires:N` asked for, capped at the server's; undefined without it. */
  readonly accessTtlSeconds?: number;
}

const EXPIRES = /^expires:(.*)$/;

/**
 * The scope a token gets: `trade:read_write` or `trade:read` as asked (space-separated; other
 * entries are ignored; `trade:read_write` when neither is asked), narrowed to the key's maximum.
 * Deribit's `expires:N` (N a positive integer, seconds) shortens the access token's lifetime,
 * capped at `maxTtlSeconds`, and is echoed in the granted scope with the lifetime granted. A
 * malformed or repeated `expires:` throws -32602 `{param: "scope", reason}`.
 */
export function grantScope(
  requested: string | undefined,
  key: ApiKey,
  maxTtlSeconds: number,
): GrantedScope {
  const asked = requested === undefined ? [] : requested.split(/\s+/).filter((s) => s !== "");
  const wanted = asked.includes("trade:read_write")
    ? "trade:read_write"
    : asked.includes("trade:read")
      ? "trade:read"
      : "trade:read_write";
  const scope = key.maxScope === "trade:read" ? "trade:read" : wanted;
  const expiries = asked.flatMap((entry) => {
    const match = EXPIRES.exec(entry);
    return match === null ? [] : [match[1]!];
  });
  if (expiries.length === 0) return { scope };
  if (expiries.length > 1) {
    throw new InvalidParamsError({ param: "scope", reason: "expires: given more than once" });
  }
  const text = expiries[0]!;
  const seconds = Number(text);
  if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(seconds)) {
    throw new InvalidParamsError({
      param: "scope",
      reason: `expires:${text} is not a positive integer number of seconds`,
    });
  }
  const ttl = Math.min(seconds, maxTtlSeconds);
  return { scope: `${scope} expires:${ttl}`, accessTtlSeconds: ttl };
}
