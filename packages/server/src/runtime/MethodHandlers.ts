import type { RawJson } from "./RawJson.js";
import type { RequestContext } from "./RequestContext.js";
import type { RpcError } from "./RpcError.js";

/**
 * What a handler answers: its result, the result as JSON text (`rawJson`), or a rejection: an
 * `RpcError` returned as a value, answered as that error like a thrown one, without the cost and
 * control flow of an exception. Or a promise of one of them.
 */
export type HandlerAnswer<R> = R | RawJson<R> | RpcError | Promise<R | RawJson<R> | RpcError>;

/** The shape of a generated `MethodTable` (an interface): params and result types by method name. */
export type MethodTypes<Table> = {
  readonly [M in keyof Table]: { readonly Parameters: unknown; readonly ReturnType: unknown };
};

/**
 * Handlers keyed by JSON-RPC method name (`"private/close_position"`), typed from a generated
 * `MethodTable`: the other form `createServer` and `createDispatcher` take besides the generated
 * `Handlers` interface (keyed by member, `closePosition`).
 *
 * @example
 * const handlers: MethodHandlers<MethodTable> = {
 *   "public/test": () => ({ version: "1.2.26" }),
 *   "private/close_position": (params, context) => engine.close(params) ?? new OtherRejectError(),
 *   // ...
 * };
 */
export type MethodHandlers<Table extends MethodTypes<Table>> = {
  [M in keyof Table]: (
    params: Table[M]["Parameters"],
    context: RequestContext,
  ) => HandlerAnswer<Table[M]["ReturnType"]>;
};
