import type { ChannelTable } from "./generated/channels.js";
import type { Methods } from "./generated/client.js";
import type { MethodTable } from "./generated/methods.js";
import type { ClientOf } from "./runtime/bindMethods.js";

/**
 * What `createClient` returns: one typed function per method of the spec
 * (`client.closePosition(params, options?)`), the same under `client.withResponse` resolving
 * with `{result, usIn, usOut, usDiff, testnet, rttMs}`, `request`/`requestWithResponse` by
 * method name typed from the generated `MethodTable`, `subscribe(channel)` typed from the
 * generated `ChannelTable`, `unsubscribeAll()`, `authenticate()`, `session` and `close()`.
 */
export type Client = ClientOf<Methods, MethodTable, ChannelTable>;
