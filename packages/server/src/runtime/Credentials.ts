import { httpStringToSign } from "@unwind/protocol";

/**
 * What a request presented to prove who it is, as the transports parsed it. The server owner's
 * {@link ServerAuth} hook turns it into a `Principal` or rejects it.
 */
export type Credentials = BearerCredentials | BasicCredentials | HmacCredentials;

/** `Authorization: Bearer <token>`, or the `access_token` param of a private call. */
export interface BearerCredentials {
  readonly scheme: "bearer";
  readonly token: string;
  readonly source: "header" | "param";
}

/** `Authorization: Basic base64(client_id:client_secret)`. */
export interface BasicCredentials {
  readonly scheme: "basic";
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * `Authorization: deri-hmac-sha256 id=..,ts=..,nonce=..,sig=..` with what the signature covers:
 * `sig` should be hex HMAC-SHA256(secret, {@link hmacStringToSign}(this)). The hook checks the
 * signature, the 60 s window of `ts` and that (`id`, `nonce`) was not seen before.
 */
export interface HmacCredentials {
  readonly scheme: "deri-hmac-sha256";
  /** The client id (`id=`). */
  readonly id: string;
  /** Milliseconds since the epoch, as sent (`ts=`, digits only). */
  readonly ts: string;
  readonly nonce: string;
  /** The hex signature as sent (`sig=`). */
  readonly sig: string;
  /** The HTTP method, upper case. */
  readonly httpMethod: string;
  /** The request target as sent: path and query, e.g. `/api/v2/private/get_position?instrument_name=BTC-PERPETUAL`. */
  readonly uri: string;
  /** The raw request body (empty for GET). */
  readonly body: string;
}

/** The string a `deri-hmac-sha256` signature covers: `ts\nnonce\nMETHOD\nuri\nbody\n`. */
export function hmacStringToSign(credentials: HmacCredentials): string {
  return httpStringToSign(
    credentials.ts,
    credentials.nonce,
    credentials.httpMethod,
    credentials.uri,
    credentials.body,
  );
}
