import type { Engine } from "../Engine.js";
import { type EdgeResult, edgeError } from "./EdgeResult.js";
import { type Params, parseOrderId } from "./parseParams.js";
import { toWireOrder, type WireOrder } from "./toWireOrder.js";

/** private/cancel: cancels one of the account's open orders and returns it. */
export function cancel(
  engine: Engine,
  account: number,
  params: Params,
  timestamp: number,
): EdgeResult<WireOrder> {
  const id = parseOrderId(params);
  if (!id.ok) return id;
  const out = engine.apply({ type: "cancel", account, orderId: id.value, timestamp });
  if (out.code !== 0 || out.order === null) return edgeError(out.code);
  return { ok: true, result: toWireOrder(out.order) };
}
