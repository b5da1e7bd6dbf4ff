import type { ReferenceHandlers, WrapContext } from "@unwind/reference";
import { loadAccountsFile } from "@unwind/reference";

const secrets = new Map(loadAccountsFile().keys.map((k) => [k.clientId, k.clientSecret]));

/**
 * A reference whose `public/auth` client_signature skips one of its refusals: when the right
 * signature is refused for a reason matching `reason` (a stale timestamp, a used nonce), the
 * tokens are granted anyway, as for the key's id and secret.
 */
export function signatureRefusalIgnored(reason: RegExp) {
  return (handlers: ReferenceHandlers, { auth }: WrapContext): ReferenceHandlers => {
    const grant = auth.grant.bind(auth);
    auth.grant = (params) => {
      const out = grant(params);
      if (!(out instanceof Error)) return out;
      const why = (out as { data?: { reason?: unknown } }).data?.reason;
      if (params.grant_type !== "client_signature" || !reason.test(String(why))) return out;
      const { client_id, scope, state } = params;
      return grant({
        grant_type: "client_credentials",
        client_id: client_id!,
        client_secret: secrets.get(client_id!) ?? "",
        ...(scope === undefined ? {} : { scope }),
        ...(state === undefined ? {} : { state }),
      });
    };
    return handlers;
  };
}
