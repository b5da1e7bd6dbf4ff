/**
 * What every Deribit signature covers: `timestamp + "\n" + nonce + "\n" + requestData`, signed as
 * hex HMAC-SHA256(client_secret, this string). Both schemes of the spec's `x-auth-schemes` are this
 * string with a different `requestData`: {@link httpStringToSign} and
 * {@link clientSignatureStringToSign}.
 *
 * @see https://docs.deribit.com/#authentication
 * @example
 * stringToSign(1700000000000, "abc", "") // "1700000000000\nabc\n"
 */
export function stringToSign(
  timestamp: number | string,
  nonce: string,
  requestData: string,
): string {
  return `${timestamp}\n${nonce}\n${requestData}`;
}
