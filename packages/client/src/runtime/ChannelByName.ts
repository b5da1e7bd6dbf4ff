import type { ChannelSubscription } from "./ChannelSubscription.js";
import type { SubscribeOptions } from "./SubscribeOptions.js";

/** The types of one channel in a generated `ChannelTable`: its name (a template literal), whether it is private, its data. */
export interface ChannelTypes {
  readonly name: string;
  readonly private: boolean;
  readonly data: unknown;
}

/** Any channel by any name, data `unknown`: the table of a client that knows no spec. */
export type AnyChannelTable = Record<
  string,
  { readonly name: string; readonly private: boolean; readonly data: unknown }
>;

/**
 * Every channel name a `ChannelTable` accepts, e.g. `` `user.changes.${string}.raw` | `book.${string}.raw` ``.
 *
 * @example
 * const name: ChannelName<ChannelTable> = "user.changes.BTC-PERPETUAL.raw";
 */
export type ChannelName<T extends { [K in keyof T]: ChannelTypes }> = {
  [K in keyof T]: T[K]["name"];
}[keyof T];

/**
 * The data a channel name yields: the `data` of the table entry whose name pattern matches `N`
 * (`ChannelData<ChannelTable, "user.changes.BTC-PERPETUAL.raw">` is the user.changes payload).
 */
export type ChannelData<T extends { [K in keyof T]: ChannelTypes }, N extends string> = {
  [K in keyof T]: N extends T[K]["name"] ? T[K]["data"] : never;
}[keyof T];

/**
 * `subscribe(channel, options?)` typed by a channel table: the name is checked against the
 * table's patterns and the iterator yields that channel's data.
 */
export type SubscribeByName<T extends { [K in keyof T]: ChannelTypes }> = <
  N extends ChannelName<T> & string,
>(
  channel: N,
  options?: SubscribeOptions,
) => ChannelSubscription<ChannelData<T, N>>;
