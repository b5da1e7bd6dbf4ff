import type { Credentials } from "./Credentials.js";
import { hasScope } from "./hasScope.js";
import type { MethodDescriptor } from "./MethodDescriptor.js";
import { protocolErrors } from "./protocolErrors.js";
import type { Principal } from "./RequestContext.js";
import { RpcError } from "./RpcError.js";
import type { AuthOutcome, ServerAuth } from "./ServerAuth.js";
import type { Session } from "./Session.js";

/** The principal allowed to call a private method, the error to answer with, or a promise of either. */
export type Authorization = AuthOutcome | Promise<AuthOutcome>;

const { authorizationRequired, scopeExceeded, unauthorized } = protocolErrors;
const expired = { reason: "access token expired" };
const revoked = { reason: "access token revoked" };

/**
 * Authorises a call of a private method: credentials from the transport (the HTTP `Authorization`
 * header), else from the `access_token` param, else the WebSocket connection's principal (so a
 * token param on a WebSocket wins over the connection's identity); none gives 10000. A connection
 * principal past its `expiresAt` (by `now`, ms) is cleared and answered 13009 with
 * `{reason: "access token expired"}`, one that was revoked likewise with `{reason: "access token revoked"}`.
 * Credentials go through the owner's hook (its `RpcError`, returned or thrown, is the answer; any
 * other exception propagates and becomes -32603); then the method's scope is checked (13403 with
 * `data: {reason, required_scope}`).
 */
export function authorize(
  method: MethodDescriptor,
  params: Record<string, unknown>,
  session: Session,
  auth: ServerAuth,
  now: () => number,
): Authorization {
  let credentials: Credentials | RpcError | undefined = session.credentials();
  if (credentials === undefined) {
    const token = params["access_token"];
    if (typeof token === "string" && token !== "") {
      credentials = { scheme: "bearer", token, source: "param" };
    }
  }
  if (credentials === undefined) {
    const principal = session.principal;
    if (principal === undefined) {
      return new RpcError(authorizationRequired.code, authorizationRequired.message);
    }
    if (principal.expiresAt !== undefined && principal.expiresAt <= now()) {
      session.principal = undefined;
      return new RpcError(unauthorized.code, unauthorized.message, expired);
    }
    if (principal.revoked === true) {
      session.principal = undefined;
      return new RpcError(unauthorized.code, unauthorized.message, revoked);
    }
    return checkScope(method, principal);
  }
  if (credentials instanceof RpcError) return credentials;
  let outcome: AuthOutcome | PromiseLike<AuthOutcome>;
  try {
    outcome = auth.authenticate(credentials, method, session.remoteAddress);
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  if (isThenable(outcome)) {
    return Promise.resolve(outcome).then(
      (resolved) => (resolved instanceof RpcError ? resolved : checkScope(method, resolved)),
      (error: unknown) => {
        if (error instanceof RpcError) return error;
        throw error;
      },
    );
  }
  return outcome instanceof RpcError ? outcome : checkScope(method, outcome);
}

function checkScope(method: MethodDescriptor, principal: Principal): AuthOutcome {
  const scope = method.auth.scope;
  if (scope === undefined || hasScope(principal.scopes, scope)) return principal;
  const granted = principal.scopes.length === 0 ? "none" : principal.scopes.join(" ");
  return new RpcError(scopeExceeded.code, scopeExceeded.message, {
    reason: `${method.name} needs scope ${scope}, but the credentials grant ${granted}`,
    required_scope: scope,
  });
}

function isThenable(value: unknown): value is PromiseLike<AuthOutcome> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
