import type { CryptoProvider } from "./CryptoProvider.js";
import type { WebSocketConstructor } from "./WebSocketLike.js";

/**
 * What the generic client takes from where it runs, resolved by the package's `#platform` import
 * (`nodePlatform` under Node, `browserPlatform` elsewhere), so `@unwind/client/runtime` bundles
 * for browsers without `ws` or `node:crypto`.
 */
export interface Platform {
  /** The WebSocket class used when the options give none, if there is one. */
  readonly WebSocket: WebSocketConstructor | undefined;
  readonly crypto: CryptoProvider;
}
