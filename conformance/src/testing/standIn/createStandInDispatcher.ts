import { createSchemaCompiler, formatSchemaErrors, openrpc, type UnwindMethod } from "@unwind/spec";
import type { EngineLike } from "../loadEngine.js";
import type { Defect, HandlerResult } from "./Defect.js";
import type { StandInAuth, Who } from "./StandInAuth.js";
import { standInHandlers } from "./standInHandlers.js";

/** Where a message came from: the WebSocket session, or the HTTP request and its headers. */
export interface Origin {
  session?: { accountId?: number; scope?: string };
  authorization?: string;
  http?: { method: string; path: string; body: string };
}

const nowUs = () => Math.floor((performance.timeOrigin + performance.now()) * 1000);
const E = {
  parse: { code: -32700, message: "Parse error" },
  invalid: { code: -32600, message: "Invalid Request" },
  notFound: { code: -32601, message: "Method not found" },
  params: { code: -32602, message: "Invalid params" },
};

/** The JSON-RPC core of the stand-in server, with an optional defect. */
export function createStandInDispatcher(engine: EngineLike, auth: StandInAuth, defect?: Defect) {
  const compile = createSchemaCompiler(openrpc as never);
  const methods = new Map<string, UnwindMethod>(openrpc.methods.map((m) => [m.name, m]));
  const handlers = { ...standInHandlers, ...defect?.handlers };

  function envelope(
    id: unknown,
    body: HandlerResult,
    usIn: number,
    request: { method?: string; params?: unknown },
  ) {
    const usOut = nowUs();
    const response: Record<string, unknown> = {
      jsonrpc: "2.0",
      id,
      ...body,
      usIn,
      usOut,
      usDiff: usOut - usIn,
      testnet: true,
    };
    return defect?.response ? defect.response(response, request) : response;
  }

  function validate(m: UnwindMethod, params: Record<string, unknown>): HandlerResult | undefined {
    for (const p of m.params as { name: string; required?: boolean; schema: unknown }[]) {
      if (!(p.name in params)) {
        if (p.required)
          return { error: { ...E.params, data: { param: p.name, reason: "is required" } } };
        continue;
      }
      const fn = compile(p.schema);
      if (!fn(params[p.name])) {
        return { error: { ...E.params, data: { param: p.name, reason: formatSchemaErrors(fn) } } };
      }
    }
    return undefined;
  }

  function who(params: Record<string, unknown>, origin: Origin): Who {
    if (typeof params["access_token"] === "string") return auth.token(params["access_token"]);
    if (origin.authorization !== undefined && origin.http !== undefined) {
      return auth.header(origin.authorization, origin.http);
    }
    if (origin.session?.accountId !== undefined) {
      return {
        ok: true,
        accountId: origin.session.accountId,
        scope: origin.session.scope ?? "trade:read_write",
      };
    }
    return { ok: false, code: 10000, message: "authorization_required" };
  }

  /** Calls a method by name with params already parsed; the body of the answer. */
  function invoke(name: string, raw: unknown, origin: Origin): HandlerResult {
    const m = methods.get(name.replace(/^\//, ""));
    if (m === undefined) return { error: E.notFound };
    if (raw !== undefined && (raw === null || typeof raw !== "object" || Array.isArray(raw))) {
      return {
        error: {
          ...E.params,
          data: { param: "params", reason: "params must be an object (by name)" },
        },
      };
    }
    const params = (raw ?? {}) as Record<string, unknown>;
    let accountId = 0;
    if (m["x-auth"]?.private) {
      const w = defect?.openPrivate
        ? ({ ok: true, accountId: auth.accounts[0]!.accountId, scope: "trade:read_write" } as Who)
        : who(params, origin);
      if (!w.ok) return { error: { code: w.code, message: w.message } };
      if (m["x-auth"].scope === "trade:read_write" && w.scope !== "trade:read_write") {
        return { error: { code: 13403, message: "scope_exceeded" } };
      }
      accountId = w.accountId;
    }
    const invalid = validate(m, params);
    if (invalid !== undefined) return invalid;
    if (m.name === "public/auth") {
      const granted = auth.grant(params);
      if ("result" in granted && origin.session !== undefined) {
        const r = granted.result as { access_token: string };
        const g = auth.token(r.access_token);
        if (g.ok) Object.assign(origin.session, { accountId: g.accountId, scope: g.scope });
      }
      return granted;
    }
    const handler = handlers[m.name];
    if (handler === undefined) return { error: { code: -32603, message: "Internal error" } };
    return handler(params, { accountId, engine, now: Date.now(), auth });
  }

  return {
    /** One JSON-RPC message; the answer, or undefined for a notification. */
    handleText(text: string, origin: Origin): unknown {
      const next = (t: string) => handle(t, origin);
      return defect?.message ? defect.message(text, next) : next(text);
    },
    /** The per-method HTTP form: the answer has `id: null`. */
    callMethod(name: string, params: unknown, origin: Origin): Record<string, unknown> | undefined {
      const usIn = nowUs();
      return envelope(null, invoke(name, params, origin), usIn, { method: name, params });
    },
    /** A method's param schemas (to coerce query strings). */
    method: (name: string) => methods.get(name.replace(/^\//, "")),
  };

  function handle(text: string, origin: Origin): Record<string, unknown> | undefined {
    const usIn = nowUs();
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return envelope(null, { error: E.parse }, usIn, {});
    }
    if (Array.isArray(message)) {
      return envelope(
        null,
        { error: { ...E.invalid, data: { reason: "batch requests are not supported" } } },
        usIn,
        {},
      );
    }
    if (message === null || typeof message !== "object")
      return envelope(null, { error: E.invalid }, usIn, {});
    const o = message as Record<string, unknown>;
    const hasId = "id" in o;
    const id = o["id"];
    if (hasId && !(typeof id === "string" || Number.isSafeInteger(id) || id === null)) {
      return envelope(null, { error: E.invalid }, usIn, {});
    }
    if (o["jsonrpc"] !== "2.0" || typeof o["method"] !== "string") {
      return envelope(hasId ? id : null, { error: E.invalid }, usIn, {});
    }
    const request = { method: o["method"].replace(/^\//, ""), params: o["params"] };
    const body = invoke(o["method"], o["params"], origin);
    return hasId ? envelope(id, body, usIn, request) : undefined;
  }
}
