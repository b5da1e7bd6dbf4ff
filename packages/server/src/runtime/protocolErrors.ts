/**
 * The errors the runtime itself answers with, before or around a handler: the JSON-RPC protocol
 * errors and the authorisation and limit errors of the contract. Their codes and messages are the
 * spec's (`components.errors`); the generated `errors.ts` has a class for each.
 */
export const protocolErrors = {
  parseError: { code: -32700, message: "Parse error" },
  invalidRequest: { code: -32600, message: "Invalid Request" },
  methodNotFound: { code: -32601, message: "Method not found" },
  invalidParams: { code: -32602, message: "Invalid params" },
  internalError: { code: -32603, message: "Internal error" },
  authorizationRequired: { code: 10000, message: "authorization_required" },
  unauthorized: { code: 13009, message: "unauthorized" },
  scopeExceeded: { code: 13403, message: "scope_exceeded" },
  tooManyRequests: { code: 10028, message: "too_many_requests" },
  tooManyConcurrentRequests: { code: 10066, message: "too_many_concurrent_requests" },
} as const satisfies Record<string, { code: number; message: string }>;
