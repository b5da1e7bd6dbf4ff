import { methods } from "../generated/methods.js";
import { validators } from "../generated/validators.js";
import { protocolErrors } from "../runtime/protocolErrors.js";
import type { Principal } from "../runtime/RequestContext.js";
import { RpcError } from "../runtime/RpcError.js";
import type { ServerAuth } from "../runtime/ServerAuth.js";

/**
 * What the benchmarks serve: the spec's generated method table and validators, `public/test` as
 * the trivial handler, `private/get_position` as a private read, every other method a stub.
 */
export { methods, validators };

const result = { version: "1.2.26" };
const stub = () => ({});

export const handlers: Record<string, (params: any) => unknown> = {
  ...Object.fromEntries(Object.values(methods).map((m) => [m.handler, stub])),
  test: () => result,
  getPosition: (params: { instrument_name: string }) => ({
    instrument_name: params.instrument_name,
    size: "0",
    direction: "zero",
  }),
};

const principal: Principal = { accountId: 1, scopes: ["trade:read_write"] };
const unauthorized = new RpcError(
  protocolErrors.unauthorized.code,
  protocolErrors.unauthorized.message,
);

export const auth: ServerAuth = {
  authenticate: (credentials) =>
    credentials.scheme === "bearer" && credentials.token === "bench-token"
      ? principal
      : unauthorized,
};
