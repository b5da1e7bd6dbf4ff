import type { Platform } from "./Platform.js";
import type { WebSocketConstructor } from "./WebSocketLike.js";
import { createWebCrypto } from "./webCrypto.js";

/** Browsers and other runtimes: the global `WebSocket` and WebCrypto (`#platform` elsewhere). */
export const platform: Platform = {
  WebSocket: (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket,
  get crypto() {
    return createWebCrypto();
  },
};
