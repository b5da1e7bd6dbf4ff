import { errorTable as spec } from "../generated/errorTable.js";

const pick = <K extends keyof typeof spec>(key: K) =>
  ({ code: spec[key].code, message: spec[key].message }) as {
    readonly code: (typeof spec)[K]["code"];
    readonly message: (typeof spec)[K]["message"];
  };

/**
 * The errors the runtime itself answers with, before or around a handler: the JSON-RPC protocol
 * errors and the authorisation and limit errors of the contract. Their codes and messages are read
 * from the spec's error table (`generated/errorTable.ts`, plain data that imports nothing, so the
 * runtime loads it without the generated classes that import the runtime).
 */
export const protocolErrors = {
  parseError: pick("ParseError"),
  invalidRequest: pick("InvalidRequest"),
  methodNotFound: pick("MethodNotFound"),
  invalidParams: pick("InvalidParams"),
  internalError: pick("InternalError"),
  authorizationRequired: pick("AuthorizationRequired"),
  unauthorized: pick("Unauthorized"),
  scopeExceeded: pick("ScopeExceeded"),
  tooManyRequests: pick("TooManyRequests"),
  tooManyConcurrentRequests: pick("TooManyConcurrentRequests"),
} as const satisfies Record<string, { code: number; message: string }>;
