import type { RpcResponse } from "./RpcResponse.js";

function int(value: unknown): number {
  return typeof value === "number" ? value : Number.NaN;
}

/** The envelope of a successful response (`NaN` for an envelope member the server left out). */
export function toRpcResponse(message: Record<string, unknown>, rttMs: number): RpcResponse {
  return {
    id: message.id as number | string,
    result: message.result,
    usIn: int(message.usIn),
    usOut: int(message.usOut),
    usDiff: int(message.usDiff),
    testnet: message.testnet === true,
    rttMs,
  };
}
