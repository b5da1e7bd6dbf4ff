import { stringToSign } from "./stringToSign.js";

/**
 * The string a `deri-hmac-sha256` Authorization header signs (the spec's `httpStringToSign`):
 * `ts + "\n" + nonce + "\n" + UPPERCASE(method) + "\n" + path?query + "\n" + body + "\n"`.
 * `pathAndQuery` and `body` are taken exactly as sent; `body` is `""` for a GET.
 *
 * @see https://docs.deribit.com/#authentication
 * @example
 * httpStringToSign(1, "n", "get", "/api/v2/public/test?x=1", "") // "1\nn\nGET\n/api/v2/public/test?x=1\n\n"
 */
export function httpStringToSign(
  timestamp: number | string,
  nonce: string,
  httpMethod: string,
  pathAndQuery: string,
  body: string,
): string {
  return stringToSign(timestamp, nonce, `${httpMethod.toUpperCase()}\n${pathAndQuery}\n${body}\n`);
}
