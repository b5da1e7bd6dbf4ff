import { createHmac } from "node:crypto";
import ajvModule from "ajv";
import { type Credentials, hmacStringToSign } from "./Credentials.js";
import type { MethodDescriptor, ParamDescriptor } from "./MethodDescriptor.js";
import type { ParamValidator } from "./ParamValidator.js";
import type { Principal, RequestContext } from "./RequestContext.js";
import { RpcError } from "./RpcError.js";
import type { ServerAuth } from "./ServerAuth.js";
import type { Session } from "./Session.js";

/**
 * A small handwritten API in the shape of the generated one (method table, ajv validators,
 * handlers) so the runtime is tested without the generator.
 */
const Ajv = ajvModule.default;
const ajv = new Ajv({ strict: false });

const decimal = {
  maxLength: 64,
  anyOf: [{ type: "string", pattern: "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$" }, { type: "number" }],
};
const token = { access_token: { type: "string" } };

type Schema = Record<string, unknown>;
interface Def {
  name: string;
  handler: string;
  params: Record<string, { schema: Schema; required?: boolean; kind: ParamDescriptor["kind"] }>;
  auth?: { private: boolean; scope?: string };
}

const defs: Def[] = [
  {
    name: "public/test",
    handler: "test",
    params: { expected_result: { schema: { type: "string" }, kind: "string" } },
  },
  {
    name: "private/close_position",
    handler: "closePosition",
    auth: { private: true, scope: "trade:read_write" },
    params: {
      instrument_name: { schema: { type: "string" }, required: true, kind: "string" },
      type: { schema: { type: "string", enum: ["limit"] }, required: true, kind: "string" },
      price: { schema: decimal, kind: "decimal" },
      access_token: { schema: token.access_token, kind: "string" },
    },
  },
  {
    name: "private/get_position",
    handler: "getPosition",
    auth: { private: true, scope: "trade:read" },
    params: {
      instrument_name: { schema: { type: "string" }, required: true, kind: "string" },
      access_token: { schema: token.access_token, kind: "string" },
    },
  },
  {
    name: "public/auth",
    handler: "auth",
    params: { access_token: { schema: { type: "string" }, required: true, kind: "string" } },
  },
  {
    name: "public/echo",
    handler: "echo",
    params: {
      flag: { schema: { type: "boolean" }, kind: "boolean" },
      count: { schema: { type: "integer" }, kind: "integer" },
      ratio: { schema: { type: "number" }, kind: "number" },
      price: { schema: decimal, kind: "decimal" },
      filter: { schema: { type: "object" }, kind: "json" },
      name: { schema: { type: "string" }, kind: "string" },
    },
  },
  {
    name: "public/slow",
    handler: "slow",
    params: { ms: { schema: { type: "integer", minimum: 0 }, required: true, kind: "integer" } },
  },
  { name: "public/boom", handler: "boom", params: {} },
  { name: "public/reject", handler: "reject", params: {} },
  {
    name: "public/big",
    handler: "big",
    params: { bytes: { schema: { type: "integer" }, required: true, kind: "integer" } },
  },
];

export const methods: Record<string, MethodDescriptor> = {};
export const validators: Record<string, ParamValidator> = {};
for (const def of defs) {
  const names = Object.keys(def.params);
  methods[def.name] = {
    name: def.name,
    handler: def.handler,
    params: names.map((n) => ({
      name: n,
      required: !!def.params[n]!.required,
      kind: def.params[n]!.kind,
    })),
    auth: def.auth ?? { private: false },
    matchingEngine: false,
    errors: [],
  };
  validators[def.name] = ajv.compile({
    type: "object",
    properties: Object.fromEntries(names.map((n) => [n, def.params[n]!.schema])),
    required: names.filter((n) => def.params[n]!.required),
    additionalProperties: false,
  }) as ParamValidator;
}

export const alice: Principal = { accountId: 1, scopes: ["trade:read_write"] };
export const reader: Principal = { accountId: 2, scopes: ["trade:read"] };
const tokens = new Map([
  ["alice-token", alice],
  ["reader-token", reader],
]);
export const secrets = new Map([["alice-id", "alice-secret"]]);

/** Tokens, Basic and deri-hmac-sha256 (no time window or nonce store: the reference server's job). */
export const auth: ServerAuth & { seen: Credentials[] } = {
  seen: [],
  authenticate(credentials) {
    this.seen.push(credentials);
    if (credentials.scheme === "bearer") {
      return (
        tokens.get(credentials.token) ??
        new RpcError(13009, "unauthorized", { reason: "unknown token" })
      );
    }
    if (credentials.scheme === "basic") {
      return secrets.get(credentials.clientId) === credentials.clientSecret
        ? alice
        : new RpcError(13009, "unauthorized", { reason: "bad secret" });
    }
    const secret = secrets.get(credentials.id) ?? "";
    const expected = createHmac("sha256", secret)
      .update(hmacStringToSign(credentials))
      .digest("hex");
    if (expected === credentials.sig) return Promise.resolve(alice);
    return Promise.reject(new RpcError(13009, "unauthorized", { reason: "bad signature" }));
  },
};

export const handlers = {
  calls: 0,
  test(params: { expected_result?: string }) {
    this.calls++;
    return { version: params.expected_result ?? "1.2.26" };
  },
  closePosition(params: { instrument_name: string }, context: RequestContext) {
    return {
      order: { order_id: "39005203453841408" },
      account: context.principal?.accountId,
      params,
    };
  },
  getPosition(params: { instrument_name: string }, context: RequestContext) {
    return {
      size: "0",
      account: context.principal?.accountId,
      instrument_name: params.instrument_name,
    };
  },
  auth(params: { access_token: string }, context: RequestContext) {
    const principal = tokens.get(params.access_token);
    if (!principal) throw new RpcError(13009, "unauthorized", { reason: "unknown token" });
    context.authenticateConnection(principal);
    return { token_type: "bearer", transport: context.transport };
  },
  echo(params: Record<string, unknown>) {
    return params;
  },
  async slow(params: { ms: number }, context: RequestContext) {
    await new Promise((resolve) => setTimeout(resolve, params.ms));
    return { slept: params.ms, aborted: context.signal.aborted };
  },
  boom(): never {
    throw new Error("secret internal detail at /etc/passwd");
  },
  reject(): never {
    throw new RpcError(10020, "invalid_or_unsupported_instrument", { instrument_name: "X" });
  },
  big(params: { bytes: number }) {
    return "x".repeat(params.bytes);
  },
};

/** A session as a transport would make it; HTTP ones carry header credentials. */
export function testSession(
  transport: "http" | "ws",
  credentials?: Credentials | RpcError,
  maxInFlight = Number.POSITIVE_INFINITY,
): Session & { authenticated: Principal[] } {
  const authenticated: Principal[] = [];
  return {
    transport,
    principal: undefined,
    credentials: () => credentials,
    inFlight: 0,
    maxInFlight,
    signal: new AbortController().signal,
    authenticated,
    authenticateConnection(principal) {
      authenticated.push(principal);
      if (transport === "ws") this.principal = principal;
    },
  };
}
