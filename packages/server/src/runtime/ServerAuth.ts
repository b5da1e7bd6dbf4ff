import type { Credentials } from "./Credentials.js";
import type { MethodDescriptor } from "./MethodDescriptor.js";
import type { Principal } from "./RequestContext.js";
import type { RpcError } from "./RpcError.js";

/** What an auth hook answers: the caller's principal, or the error to answer with (usually 13009). */
export type AuthOutcome = Principal | RpcError;

/**
 * The server owner's authentication hook. The dispatcher calls it for private methods only, with
 * the credentials the request carried (the HTTP `Authorization` header first, then the
 * `access_token` param, as the spec's `x-auth-schemes` says); a WebSocket connection that a handler authenticated needs no hook call.
 * It may return (or throw) an `RpcError`; any other exception becomes -32603. Scope is checked by
 * the dispatcher from the method's `auth.scope` and the principal's `scopes`. `remoteAddress` is the
 * client's address when known (for throttling failed logins per address).
 */
export interface ServerAuth {
  authenticate(
    credentials: Credentials,
    method: MethodDescriptor,
    remoteAddress?: string,
  ): AuthOutcome | Promise<AuthOutcome>;
}
