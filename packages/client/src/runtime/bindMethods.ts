import type { AnyChannelTable, ChannelTypes } from "./ChannelByName.js";
import type { BaseClient, BaseClientParts } from "./createBaseClient.js";
import type { AnyMethodTable, MethodTypes } from "./RequestByName.js";
import type { RpcResponse } from "./RpcResponse.js";
import type { Transport } from "./Transport.js";

/** Each method of `M`, resolving with the result and its envelope instead of the bare result. */
export type WithResponse<M> = {
  readonly [K in keyof M]: M[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<RpcResponse<R>>
    : never;
};

/**
 * A client: the base (calls by name typed by the method table `T`, subscriptions typed by the
 * channel table `C`, auth, lifecycle), the typed methods `M`, and `withResponse`.
 */
export type ClientOf<
  M,
  T extends { [K in keyof T]: MethodTypes } = AnyMethodTable,
  C extends { [K in keyof C]: ChannelTypes } = AnyChannelTable,
> = BaseClient<T, C> & M & { readonly withResponse: WithResponse<M> };

/**
 * Binds the generated `createMethods` to the client's pipeline twice: once resolving with
 * results, once (`withResponse`) with the whole response, so the generated functions stay
 * thin wrappers that know nothing of timing.
 */
export function bindMethods<
  M extends object,
  T extends { [K in keyof T]: MethodTypes } = AnyMethodTable,
  C extends { [K in keyof C]: ChannelTypes } = AnyChannelTable,
>(parts: BaseClientParts, createMethods: (transport: Transport) => M): ClientOf<M, T, C> {
  // The base's calls by name are untyped at run time; `T` and `C` only narrow what they accept.
  const client = parts.base as unknown as ClientOf<M, T, C>;
  Object.assign(client, createMethods(parts.resultTransport));
  Object.defineProperty(client, "withResponse", {
    value: createMethods(parts.responseTransport) as unknown as WithResponse<M>,
    enumerable: true,
  });
  return client;
}
