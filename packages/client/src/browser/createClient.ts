import type { Client } from "../Client.js";
import { type ChannelTable, channelTable } from "../generated/channels.js";
import { createMethods, type Methods } from "../generated/client.js";
import { errorClasses } from "../generated/errors.js";
import { type MethodTable, methods } from "../generated/methods.js";
import { bindMethods } from "../runtime/bindMethods.js";
import { type ClientOptions, createBaseClient } from "../runtime/createBaseClient.js";
import type { WebSocketConstructor } from "../runtime/WebSocketLike.js";
import { createWebCrypto } from "../runtime/webCrypto.js";

/**
 * Creates a client in a browser: the global `WebSocket` and `fetch`, WebCrypto for signatures.
 * `validateResults: true` is Node-only; pass a validator function instead.
 *
 * @example
 * import { createClient } from "@unwind/client/browser"
 * const client = createClient({ wsUrl: "wss://test.deribit.com/ws/api/v2", auth: { clientId, clientSecret, grant: "client_signature" } })
 * const { order } = await client.closePosition({ instrument_name: "BTC-PERPETUAL", type: "limit" })
 */
export function createClient(options: ClientOptions): Client {
  const parts = createBaseClient(
    {
      crypto: createWebCrypto(),
      WebSocket: () => (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket,
      loadSpecValidator: undefined,
      errorClasses,
      methods,
      channels: channelTable,
    },
    options,
  );
  return bindMethods<Methods, MethodTable, ChannelTable>(parts, createMethods);
}
