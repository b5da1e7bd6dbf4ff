import { type Handlers, methods, type RequestContext } from "@unwind/server";

/** One method's implementation: by-name params in, result out (or an `RpcError` thrown). */
export type Handler = (params: any, context: RequestContext) => unknown;

/**
 * The handlers by JSON-RPC method name (`"private/close_position"`, ...): what `wrapHandlers` gets
 * and returns, so a test server can replace or wrap single methods by their spec names.
 */
export type ReferenceHandlers = Record<string, Handler>;

const table = Object.values(methods) as { name: string; handler: string }[];

/** The generated `Handlers` members keyed by method name. */
export function byMethodName(handlers: Handlers): ReferenceHandlers {
  const members = handlers as unknown as Record<string, Handler>;
  const out: ReferenceHandlers = {};
  for (const m of table) out[m.name] = members[m.handler]!.bind(handlers);
  return out;
}

/** Back from method names to `Handlers` members; a method without a handler is an error. */
export function toHandlers(byName: ReferenceHandlers): Handlers {
  const out: Record<string, Handler> = {};
  for (const m of table) {
    const fn = byName[m.name];
    if (typeof fn !== "function") throw new Error(`wrapHandlers left no handler for ${m.name}`);
    out[m.handler] = fn;
  }
  return out as unknown as Handlers;
}
