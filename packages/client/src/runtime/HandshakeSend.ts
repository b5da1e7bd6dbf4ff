import type { RpcResponse } from "./RpcResponse.js";

/** Sends one call on the connection being set up (before queued calls go out on it). */
export type HandshakeSend = (method: string, params: object) => Promise<RpcResponse>;
