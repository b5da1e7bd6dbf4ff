import type { ApiKey } from "../config/ApiKey.js";

/**
 * The scope a token gets: `trade:read_write` or `trade:read` as asked (space-separated; other
 * entries are ignored; `trade:read_write` when neither is asked), narrowed to the key's maximum.
 */
export function grantScope(requested: string | undefined, key: ApiKey): string {
  const asked = requested === undefined ? [] : requested.split(/\s+/);
  const wanted = asked.includes("trade:read_write")
    ? "trade:read_write"
    : asked.includes("trade:read")
      ? "trade:read"
      : "trade:read_write";
  return key.maxScope === "trade:read" ? "trade:read" : wanted;
}
