import { clientSignatureStringToSign, httpStringToSign } from "@unwind/protocol";
import {
  type Credentials,
  createServer,
  type MethodDescriptor,
  type ParamKind,
  type ParamValidator,
  type Principal,
  type RequestContext,
  type RunningServer,
  type ServerAuth,
  RpcError as ServerRpcError,
} from "@unwind/server";
import { createSchemaCompiler, methodErrors, openrpc } from "@unwind/spec";
import { hmacHex } from "./authServer.test-helpers.js";

export { openrpc };
export const SPEC_CLIENT_ID = "trader-a";
export const SPEC_SECRETS: Record<string, string> = {
  "trader-a": "secret-a",
  "trader-b": "secret-b",
};

type Schema = Record<string, any>;
const schemas = (openrpc.components?.schemas ?? {}) as Record<string, Schema>;
const resolve = (schema: Schema): Schema =>
  typeof schema.$ref === "string" ? resolve(schemas[schema.$ref.split("/").pop()!]!) : schema;

function kindOf(schema: Schema): ParamKind {
  if (
    schema.$ref === "#/components/schemas/DecimalInput" ||
    schema.$ref === "#/components/schemas/Decimal"
  )
    return "decimal";
  const resolved = resolve(schema);
  const type = resolved.type;
  if (type === "string" || type === "integer" || type === "number" || type === "boolean")
    return type;
  return "json";
}

/**
 * The methods a client calls: the spec's methods without the notifications the server sends
 * (`x-sent-by: server`, e.g. `subscription`).
 */
export const clientMethods = (openrpc.methods as (typeof openrpc.methods)[number][]).filter(
  (m) => (m as { "x-sent-by"?: string })["x-sent-by"] !== "server",
);

/** The method table and params validators, built from the spec (what the generator emits for the server). */
export function specTable(): {
  methods: Record<string, MethodDescriptor>;
  validators: Record<string, ParamValidator>;
} {
  const compile = createSchemaCompiler(openrpc as any);
  const methods: Record<string, MethodDescriptor> = {};
  const validators: Record<string, ParamValidator> = {};
  for (const method of clientMethods) {
    const params = method.params as { name: string; required?: boolean; schema: Schema }[];
    methods[method.name] = {
      name: method.name,
      // the method's name, not its last segment: public/subscribe and private/subscribe differ
      handler: method.name,
      params: params.map((p) => ({ name: p.name, required: !!p.required, kind: kindOf(p.schema) })),
      auth: method["x-auth"] ?? { private: false },
      matchingEngine: method["x-matching-engine"] === true,
      errors: methodErrors(openrpc as any, method).map((e) => e.code),
    };
    validators[method.name] = compile({
      type: "object",
      properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
      required: params.filter((p) => p.required).map((p) => p.name),
    }) as unknown as ParamValidator;
  }
  return { methods, validators };
}

/** The first success example's result of each method: what the stub handlers answer. */
export function exampleResult(method: string): unknown {
  const m = openrpc.methods.find((x) => x.name === method)!;
  const example = (m.examples as { result?: { value: unknown } }[]).find((e) => e.result);
  return example!.result!.value;
}

export interface SpecServer extends RunningServer {
  /** Credentials every private call presented, as the server parsed them. */
  seen: Credentials[];
  /** Principals the handlers saw, by method. */
  calls: { method: string; params: Record<string, unknown>; principal?: Principal }[];
  /** Per-method override: throw a server RpcError or return something else. */
  override: Record<string, (params: Record<string, unknown>, context: RequestContext) => unknown>;
  /** Lifetime of the tokens public/auth issues, s. */
  expiresIn: number;
}

/** `createServer` from @unwind/server with the spec's method table, stub handlers and an auth hook that checks signatures with node:crypto. */
export async function startSpecServer(
  options: { port?: number; shutdownGraceMs?: number } = {},
): Promise<SpecServer> {
  const { methods, validators } = specTable();
  const tokens = new Map<string, Principal>();
  let counter = 0;
  const prefix = Math.random().toString(36).slice(2, 8);
  const unauthorized = (reason: string) => new ServerRpcError(13009, "unauthorized", { reason });
  const principalOf = (clientId: string): Principal => ({
    accountId: clientId,
    scopes: ["trade:read_write"],
  });
  const issue = (clientId: string, context: RequestContext) => {
    counter++;
    const principal = principalOf(clientId);
    tokens.set(`token-${prefix}-${counter}`, principal);
    tokens.set(`refresh-${prefix}-${counter}`, principal);
    context.authenticateConnection(principal);
    return {
      access_token: `token-${prefix}-${counter}`,
      refresh_token: `refresh-${prefix}-${counter}`,
      expires_in: server.expiresIn,
      token_type: "bearer",
      scope: "trade:read_write",
    };
  };
  const handlers: Record<string, (params: any, context: RequestContext) => unknown> = {};
  for (const method of clientMethods) {
    handlers[method.name] = (params, context) => {
      server.calls.push({ method: method.name, params, principal: context.principal });
      const override = server.override[method.name];
      if (override) return override(params, context);
      if (method.name !== "public/auth") return exampleResult(method.name);
      if (params.grant_type === "client_credentials") {
        if (SPEC_SECRETS[params.client_id] !== params.client_secret)
          throw unauthorized("bad secret");
      } else if (params.grant_type === "client_signature") {
        const secret = SPEC_SECRETS[params.client_id] ?? "";
        if (
          params.signature !==
          hmacHex(
            secret,
            clientSignatureStringToSign(params.timestamp, params.nonce, params.data ?? ""),
          )
        )
          throw unauthorized("bad signature");
      } else {
        const principal = tokens.get(params.refresh_token);
        if (!principal || !tokens.delete(params.refresh_token))
          throw unauthorized("unknown refresh token");
        return issue(String(principal.accountId), context);
      }
      return issue(params.client_id, context);
    };
  }
  const auth: ServerAuth = {
    authenticate(credentials) {
      server.seen.push(credentials);
      if (credentials.scheme === "bearer")
        return tokens.get(credentials.token) ?? unauthorized("unknown token");
      if (credentials.scheme === "basic") {
        return SPEC_SECRETS[credentials.clientId] === credentials.clientSecret
          ? principalOf(credentials.clientId)
          : unauthorized("bad secret");
      }
      const secret = SPEC_SECRETS[credentials.id] ?? "";
      const toSign = httpStringToSign(
        credentials.ts,
        credentials.nonce,
        credentials.httpMethod,
        credentials.uri,
        credentials.body,
      );
      return credentials.sig === hmacHex(secret, toSign)
        ? principalOf(credentials.id)
        : unauthorized("bad signature");
    },
  };
  const running = await createServer({
    handlers,
    auth,
    methods,
    validators,
    port: options.port,
    limits: { shutdownGraceMs: options.shutdownGraceMs ?? 50 },
    testnet: false,
    onError: () => {},
  });
  const server: SpecServer = Object.assign(running, {
    seen: [],
    calls: [],
    override: {},
    expiresIn: 900,
  });
  return server;
}
