import {
  type MethodHandlers,
  type MethodTable,
  methods,
  type RequestContext,
} from "@unwind/server";

/**
 * One method's implementation: by-name params in; out the result, its JSON text (`RawJson`) or a
 * rejection (an `RpcError` returned, not thrown), or a promise of one of them.
 */
export type Handler = (params: any, context: RequestContext) => unknown;

/**
 * The reference's one handler table, keyed by JSON-RPC method name (`"private/close_position"`,
 * ...): what `createHandlers` builds, what `wrapHandlers` gets and returns, and what the server
 * dispatches to.
 */
export type ReferenceHandlers = Record<string, Handler>;

/**
 * Throws when a method of the spec has no handler in the table (a `wrapHandlers` that dropped
 * one); else the table is the server's: `createHandlers` typed every method of it, and a wrapper
 * answers what the handler it wraps answers.
 */
export function checkTable(
  handlers: ReferenceHandlers,
): asserts handlers is ReferenceHandlers & MethodHandlers<MethodTable> {
  for (const name of Object.keys(methods)) {
    if (typeof handlers[name] !== "function") {
      throw new Error(`wrapHandlers left no handler for ${name}`);
    }
  }
}
