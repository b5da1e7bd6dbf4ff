import {
  type BaseClient,
  type ClientOptions,
  createBaseClient,
} from "../runtime/createBaseClient.js";
import type { WebSocketConstructor } from "../runtime/WebSocketLike.js";
import { createWebCrypto } from "../runtime/webCrypto.js";

/**
 * Creates a client in a browser: the global `WebSocket` and `fetch`, WebCrypto for signatures.
 * `validateResults: true` is Node-only here; pass a validator function instead.
 *
 * @example
 * import { createClient } from "@unwind/client/browser"
 * const client = createClient({ wsUrl: "wss://test.deribit.com/ws/api/v2", auth: { clientId, clientSecret, grant: "client_signature" } })
 */
export function createClient(options: ClientOptions): BaseClient {
  return createBaseClient(
    {
      crypto: createWebCrypto(),
      WebSocket: () => (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket,
      loadSpecValidator: undefined,
      errorClasses: {},
    },
    options,
  ).base;
}
