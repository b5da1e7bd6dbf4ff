import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

const schemes = specRef(undefined, "/x-auth-schemes");
const unauthorized = specRef(undefined, "/components/errors/Unauthorized");

/** Checks of authentication: each way in, and each way it must refuse. */
export const authChecks = {
  clientCredentials: defineCheck({
    id: "auth-client-credentials",
    description:
      "public/auth client_credentials issues tokens (token_type bearer, expires_in, refresh_token, scope) and echoes the state param",
    method: "public/auth",
    specReferences: [
      specRef("public/auth", "/result"),
      specRef("public/auth", "/params/8"),
      schemes,
    ],
  }),
  required: defineCheck({
    id: "auth-required",
    description: "A private method without credentials answers 10000 authorization_required",
    method: "*",
    specReferences: [
      specRef(undefined, "/components/errors/AuthorizationRequired"),
      specRef("private/close_position", "/x-auth"),
    ],
  }),
  badSecret: defineCheck({
    id: "auth-bad-secret",
    description:
      "public/auth with a wrong secret or an unknown client_id answers 13009 unauthorized",
    method: "public/auth",
    specReferences: [unauthorized, specRef("public/auth", "/errors")],
  }),
  clientSignature: defineCheck({
    id: "auth-client-signature",
    description:
      "public/auth client_signature issues tokens for a right signature and answers 13009 for a wrong one",
    method: "public/auth",
    specReferences: [schemes, unauthorized],
  }),
  refreshToken: defineCheck({
    id: "auth-refresh-token",
    description:
      "public/auth refresh_token issues new tokens; an unknown refresh token answers 13009",
    method: "public/auth",
    specReferences: [schemes, unauthorized],
  }),
  refreshAuthenticates: defineCheck({
    id: "auth-refresh-authenticates-connection",
    description:
      "On a WebSocket, a refresh_token grant authenticates its connection: a private call on it without other credentials is served (WebSocket only)",
    method: "public/auth",
    specReferences: [
      specRef(
        "public/auth",
        "/description",
        "on a WebSocket the call authenticates the connection with them",
      ),
    ],
  }),
  unknownToken: defineCheck({
    id: "auth-unknown-token",
    description: "A private call with an access_token the server never issued answers 13009",
    method: "*",
    specReferences: [specRef(undefined, "/components/schemas/AccessToken"), unauthorized],
  }),
  expiredToken: defineCheck({
    id: "auth-expired-token",
    description:
      "A token asked with scope expires:1 works, then once expired answers 13009: over HTTP as a Bearer header and an access_token param, over WebSocket on the connection it authenticated and as the access_token param of a fresh one (skipped when the server ignores expires:)",
    method: "*",
    specReferences: [
      specRef("public/auth", "/params/9", "scope expires:N"),
      specRef(undefined, "/components/schemas/AccessToken"),
      unauthorized,
    ],
  }),
  tokenParam: defineCheck({
    id: "auth-access-token-param",
    description:
      "A private call carrying a valid access_token param is served without any other credentials",
    method: "*",
    specReferences: [specRef(undefined, "/x-auth-schemes/accessTokenParam")],
  }),
  scope: defineCheck({
    id: "auth-scope",
    description:
      "A trade:read token may read (get_position) but a trading call answers 13403 scope_exceeded",
    method: "*",
    specReferences: [
      specRef(undefined, "/components/errors/ScopeExceeded"),
      specRef(undefined, "/x-auth-schemes/scopes"),
    ],
  }),
  httpBearer: defineCheck({
    id: "auth-http-bearer",
    description:
      "Authorization: Bearer <token> (scheme case-insensitive) authenticates; an unknown bearer token answers 13009 (HTTP only)",
    method: "*",
    specReferences: [specRef(undefined, "/x-auth-schemes/http")],
  }),
  httpBasic: defineCheck({
    id: "auth-http-basic",
    description:
      "Authorization: Basic base64(id:secret) authenticates; a wrong secret answers 13009 (HTTP only)",
    method: "*",
    specReferences: [specRef(undefined, "/x-auth-schemes/http")],
  }),
  httpHmac: defineCheck({
    id: "auth-http-hmac",
    description:
      "Authorization: deri-hmac-sha256 authenticates a right signature; a wrong signature or a ts outside 60 s answers 13009 (HTTP only)",
    method: "*",
    specReferences: [
      specRef(undefined, "/x-auth-schemes/httpStringToSign"),
      specRef(undefined, "/x-auth-schemes/signatureWindowMs"),
    ],
  }),
  httpHmacReplay: defineCheck({
    id: "auth-http-hmac-replay",
    description:
      "A deri-hmac-sha256 (id, nonce) pair is accepted once: the replay answers 13009 (HTTP only)",
    method: "*",
    specReferences: [specRef(undefined, "/x-auth-schemes/nonceSingleUse")],
  }),
  clientSignatureWindow: defineCheck({
    id: "auth-client-signature-window",
    description:
      "public/auth client_signature with a right signature but a timestamp 5 minutes old answers 13009",
    method: "public/auth",
    specReferences: [
      specRef("public/auth", "/params/4", "timestamp within 60 s"),
      specRef(undefined, "/x-auth-schemes/signatureWindowMs"),
    ],
  }),
  clientSignatureNonce: defineCheck({
    id: "auth-client-signature-nonce",
    description:
      "public/auth client_signature is accepted once per (client_id, nonce): the same signed params again answer 13009",
    method: "public/auth",
    specReferences: [
      specRef("public/auth", "/params/6", "nonce single-use"),
      specRef(undefined, "/x-auth-schemes/nonceSingleUse"),
    ],
  }),
  refreshSingleUse: defineCheck({
    id: "auth-refresh-single-use",
    description: "A refresh token works once: its second use answers 13009",
    method: "public/auth",
    specReferences: [specRef("public/auth", "/description", "It is single-use")],
  }),
  refreshKeepsScope: defineCheck({
    id: "auth-refresh-keeps-scope",
    description:
      "Tokens from a refresh_token grant carry the original scope: refreshing a trade:read token gives one that still answers 13403 for a trading call",
    method: "public/auth",
    specReferences: [
      specRef("public/auth", "/description", "The new tokens carry"),
      specRef(undefined, "/components/errors/ScopeExceeded"),
    ],
  }),
  leadingSlashPrivate: defineCheck({
    id: "method-leading-slash-private",
    description:
      "A private method name with a leading slash (/private/get_position), with credentials, names the same method",
    method: "*",
    specReferences: [
      specRef(undefined, "/x-transports/leadingSlash"),
      specRef(undefined, "/info/description", "`/private/close_position`"),
    ],
  }),
  beforeParams: defineCheck({
    id: "auth-before-params",
    description:
      'Credentials are checked before params: close_position without credentials and with type "market" answers 10000, not -32602',
    method: "private/close_position",
    specReferences: [
      specRef(undefined, "/info/description", "Order of checks"),
      specRef("private/close_position", "/description", "Params and credentials"),
    ],
  }),
  httpHmacFieldOrder: defineCheck({
    id: "auth-http-hmac-field-order",
    description:
      "Authorization: deri-hmac-sha256 is accepted with its fields in any order (Deribit's documented id,ts,sig,nonce and reversed) (HTTP only)",
    method: "*",
    specReferences: [specRef(undefined, "/x-auth-schemes/description", "fields in any order")],
  }),
};
