import type { Credentials } from "./Credentials.js";
import { protocolErrors } from "./protocolErrors.js";
import { RpcError } from "./RpcError.js";

/** The parts of an HTTP request a `deri-hmac-sha256` signature covers. */
export interface SignedRequest {
  readonly httpMethod: string;
  readonly uri: string;
  readonly body: string;
}

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
const hmacFields = new Set(["id", "ts", "nonce", "sig"]);

function malformed(reason: string): RpcError {
  const { code, message } = protocolErrors.unauthorized;
  return new RpcError(code, message, { reason });
}

/**
 * Parses an HTTP `Authorization` header: `Bearer <token>`, `Basic base64(id:secret)` or
 * `deri-hmac-sha256 id=..,ts=..,nonce=..,sig=..` (fields in any order), schemes case-insensitive.
 * No header gives `undefined`; a malformed one gives 13009 `unauthorized` with `data: {reason}`.
 */
export function parseAuthorization(
  header: string | undefined,
  request: SignedRequest,
): Credentials | RpcError | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === "") return undefined;
  const space = value.indexOf(" ");
  const scheme = (space < 0 ? value : value.slice(0, space)).toLowerCase();
  const rest = space < 0 ? "" : value.slice(space + 1).trim();
  switch (scheme) {
    case "bearer":
      if (rest === "" || rest.includes(" ")) {
        return malformed("could not parse the Bearer credentials. Expected one token after Bearer");
      }
      return { scheme: "bearer", token: rest, source: "header" };
    case "basic":
      return parseBasic(rest);
    case "deri-hmac-sha256":
      return parseHmac(rest, request);
    default:
      return malformed(
        `unsupported Authorization scheme "${scheme}". Expected Bearer, Basic or deri-hmac-sha256`,
      );
  }
}

function parseBasic(encoded: string): Credentials | RpcError {
  if (!base64.test(encoded) || encoded.length % 4 !== 0) {
    return malformed(
      "could not parse the Basic credentials. Expected base64(client_id:client_secret)",
    );
  }
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) {
    return malformed("could not parse the Basic credentials. Expected client_id:client_secret");
  }
  return {
    scheme: "basic",
    clientId: decoded.slice(0, colon),
    clientSecret: decoded.slice(colon + 1),
  };
}

function parseHmac(fields: string, request: SignedRequest): Credentials | RpcError {
  const found: Record<string, string> = {};
  for (const part of fields.split(",")) {
    const eq = part.indexOf("=");
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (!hmacFields.has(key)) {
      return malformed(
        `could not parse the deri-hmac-sha256 credentials. Expected the fields id, ts, nonce and sig, but got "${key}"`,
      );
    }
    if (key in found) return malformed(`deri-hmac-sha256 field ${key} is given twice`);
    found[key] = eq < 0 ? "" : part.slice(eq + 1).trim();
  }
  for (const key of hmacFields) {
    if (!found[key]) return malformed(`deri-hmac-sha256 field ${key} is missing or empty`);
  }
  if (!/^[0-9]+$/.test(found["ts"]!)) {
    return malformed(
      `deri-hmac-sha256 ts must be milliseconds since the epoch, but got "${found["ts"]}"`,
    );
  }
  return {
    scheme: "deri-hmac-sha256",
    id: found["id"]!,
    ts: found["ts"]!,
    nonce: found["nonce"]!,
    sig: found["sig"]!,
    httpMethod: request.httpMethod.toUpperCase(),
    uri: request.uri,
    body: request.body,
  };
}
