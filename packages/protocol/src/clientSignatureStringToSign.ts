import { stringToSign } from "./stringToSign.js";

/**
 * The string the `client_signature` grant of `public/auth` signs (the spec's
 * `clientSignatureStringToSign`): `timestamp + "\n" + nonce + "\n" + data`, with no newline after
 * `data` (`data` is `""` when the request has none).
 *
 * @see https://docs.deribit.com/#public-auth
 * @example
 * clientSignatureStringToSign(5, "n", "d") // "5\nn\nd"
 */
export function clientSignatureStringToSign(
  timestamp: number | string,
  nonce: string,
  data: string,
): string {
  return stringToSign(timestamp, nonce, data);
}
