import WebSocket from "ws";
import { nodeCrypto } from "./nodeCrypto.js";
import type { Platform } from "./Platform.js";

/** Node: the `ws` package and `node:crypto` (the `node` condition of the `#platform` import). */
export const platform: Platform = {
  WebSocket: WebSocket as unknown as Platform["WebSocket"],
  crypto: nodeCrypto,
};
