import ajvModule from "ajv";
import type { MethodDescriptor } from "../runtime/MethodDescriptor.js";
import type { ParamValidator } from "../runtime/ParamValidator.js";
import type { Principal } from "../runtime/RequestContext.js";
import { RpcError } from "../runtime/RpcError.js";
import type { ServerAuth } from "../runtime/ServerAuth.js";

/**
 * The API the benchmarks serve: `public/test` (the trivial handler every server gets) and a
 * private read, with ajv validators like the generated ones.
 */
const Ajv = ajvModule.default;
const ajv = new Ajv({ strict: false });

export const methods: Record<string, MethodDescriptor> = {
  "public/test": {
    name: "public/test",
    handler: "test",
    params: [{ name: "expected_result", required: false, kind: "string" }],
    auth: { private: false },
    matchingEngine: false,
    errors: [-32602, -32603],
  },
  "private/get_position": {
    name: "private/get_position",
    handler: "getPosition",
    params: [
      { name: "instrument_name", required: true, kind: "string" },
      { name: "access_token", required: false, kind: "string" },
    ],
    auth: { private: true, scope: "trade:read" },
    matchingEngine: false,
    errors: [-32602, -32603, 10000, 13009, 13403],
  },
};

export const validators: Record<string, ParamValidator> = {
  "public/test": ajv.compile({
    type: "object",
    properties: { expected_result: { type: "string" } },
    additionalProperties: false,
  }) as ParamValidator,
  "private/get_position": ajv.compile({
    type: "object",
    properties: { instrument_name: { type: "string" }, access_token: { type: "string" } },
    required: ["instrument_name"],
    additionalProperties: false,
  }) as ParamValidator,
};

const result = { version: "1.2.26" };

export const handlers = {
  test(): { version: string } {
    return result;
  },
  getPosition(params: { instrument_name: string }) {
    return { instrument_name: params.instrument_name, size: "0", direction: "zero" };
  },
};

const principal: Principal = { accountId: 1, scopes: ["trade:read_write"] };
const unauthorized = new RpcError(13009, "unauthorized");

export const auth: ServerAuth = {
  authenticate: (credentials) =>
    credentials.scheme === "bearer" && credentials.token === "bench-token"
      ? principal
      : unauthorized,
};
