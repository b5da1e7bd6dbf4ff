import WebSocket from "ws";
import type { Client } from "./Client.js";
import { type ChannelTable, channelTable } from "./generated/channels.js";
import { createMethods, type Methods } from "./generated/client.js";
import { errorClasses } from "./generated/errors.js";
import { type MethodTable, methods } from "./generated/methods.js";
import { bindMethods } from "./runtime/bindMethods.js";
import { type ClientOptions, createBaseClient } from "./runtime/createBaseClient.js";
import { loadSpecValidator } from "./runtime/loadSpecValidator.js";
import { nodeCrypto } from "./runtime/nodeCrypto.js";
import type { WebSocketConstructor } from "./runtime/WebSocketLike.js";

/**
 * Creates a client for a Deribit-family server or any server of the unwind spec (Node: `ws`
 * for WebSocket, `node:crypto` for signatures).
 *
 * @example
 * const client = createClient({ url: "http://127.0.0.1:8080", transport: "ws", auth: { clientId, clientSecret } })
 * const { order } = await client.closePosition({ instrument_name: "BTC-PERPETUAL", type: "limit" })
 */
export function createClient(options: ClientOptions): Client {
  const parts = createBaseClient(
    {
      crypto: nodeCrypto,
      WebSocket: () => WebSocket as unknown as WebSocketConstructor,
      loadSpecValidator,
      errorClasses,
      methods,
      channels: channelTable,
    },
    options,
  );
  return bindMethods<Methods, MethodTable, ChannelTable>(parts, createMethods);
}
