import type { RequestContext } from "@unwind/server";

/** One method's implementation: by-name params in, result out (or an `RpcError` thrown). */
export type Handler = (params: any, context: RequestContext) => unknown;

/**
 * The reference's handlers by JSON-RPC method name (`"private/close_position"`, ...). The server
 * calls them through the method table's `handler` members; `wrapHandlers` gets and returns this
 * record, so a test server can replace or wrap single methods.
 */
export type ReferenceHandlers = Record<string, Handler>;
