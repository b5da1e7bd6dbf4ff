import WebSocket from "ws";
import {
  type BaseClient,
  type ClientOptions,
  createBaseClient,
} from "./runtime/createBaseClient.js";
import { loadSpecValidator } from "./runtime/loadSpecValidator.js";
import { nodeCrypto } from "./runtime/nodeCrypto.js";
import type { WebSocketConstructor } from "./runtime/WebSocketLike.js";

/**
 * Creates a client for a Deribit-family server (Node: `ws` for WebSocket, `node:crypto` for
 * signatures).
 *
 * @example
 * const client = createClient({ url: "http://127.0.0.1:8080", auth: { clientId, clientSecret } })
 * const result = await client.request("private/close_position", { instrument_name: "BTC-PERPETUAL", type: "limit" })
 */
export function createClient(options: ClientOptions): BaseClient {
  return createBaseClient(
    {
      crypto: nodeCrypto,
      WebSocket: () => WebSocket as unknown as WebSocketConstructor,
      loadSpecValidator,
      errorClasses: {},
    },
    options,
  ).base;
}
