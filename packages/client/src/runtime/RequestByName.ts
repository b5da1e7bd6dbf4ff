import type { RpcResponse } from "./RpcResponse.js";
import type { CallOptions } from "./Transport.js";

/** The types of one method in a generated `MethodTable`. */
export interface MethodTypes {
  Parameters: unknown;
  ReturnType: unknown;
}

/** Any method by any name, params an object: the table of a client that knows no spec. */
export type AnyMethodTable = Record<
  string,
  { Parameters: object | undefined; ReturnType: unknown }
>;

/** The arguments after the name: params optional when the method needs none. */
export type RequestArgs<P> =
  Record<never, never> extends P
    ? [params?: P, options?: CallOptions]
    : [params: P, options?: CallOptions];

/**
 * `request(name, params, options?)` typed by a method table (viem's EIP-1193 `request` is the
 * model): the name autocompletes, params and result follow it, an unknown name is a type error.
 */
export type RequestByName<T extends { [K in keyof T]: MethodTypes }> = <N extends keyof T & string>(
  method: N,
  ...args: RequestArgs<T[N]["Parameters"]>
) => Promise<T[N]["ReturnType"]>;

/** `requestWithResponse(name, params, options?)`: the same, resolving with the whole response. */
export type RequestWithResponseByName<T extends { [K in keyof T]: MethodTypes }> = <
  N extends keyof T & string,
>(
  method: N,
  ...args: RequestArgs<T[N]["Parameters"]>
) => Promise<RpcResponse<T[N]["ReturnType"]>>;
