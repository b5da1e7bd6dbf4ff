import { clientSignatureStringToSign } from "@unwind/protocol";
import type { CryptoProvider } from "./CryptoProvider.js";

/** The `public/auth` params of the `client_signature` grant. */
export interface ClientSignatureParams {
  grant_type: "client_signature";
  client_id: string;
  timestamp: number;
  nonce: string;
  data: string;
  signature: string;
  scope?: string;
}

/**
 * Signs a `client_signature` grant: `signature` = hex HMAC-SHA256(secret,
 * `timestamp + "\n" + nonce + "\n" + data`), with a fresh nonce unless one is given.
 */
export async function clientSignatureParams(
  credentials: { clientId: string; clientSecret: string; scope?: string },
  crypto: CryptoProvider,
  options: { data?: string; timestamp?: number; nonce?: string } = {},
): Promise<ClientSignatureParams> {
  const timestamp = options.timestamp ?? Date.now();
  const nonce = options.nonce ?? crypto.nonce();
  const data = options.data ?? "";
  const signature = await crypto.hmacSha256Hex(
    credentials.clientSecret,
    clientSignatureStringToSign(timestamp, nonce, data),
  );
  const params: ClientSignatureParams = {
    grant_type: "client_signature",
    client_id: credentials.clientId,
    timestamp,
    nonce,
    data,
    signature,
  };
  if (credentials.scope !== undefined) params.scope = credentials.scope;
  return params;
}
