import type { Engine } from "../Engine.js";
import { type EdgeResult, edgeError } from "./EdgeResult.js";
import type { Params } from "./parseParams.js";
import { toWireOrder, type WireOrder } from "./toWireOrder.js";

/**
 * private/cancel: cancels one of the account's open orders and returns it (`order_id`
 * schema-checked: a string of digits; an id no order has is 10004).
 */
export function cancel(
  engine: Engine,
  account: number,
  params: Params,
  timestamp: number,
): EdgeResult<WireOrder> {
  const orderId = params["order_id"] as string;
  const out = engine.apply({ type: "cancel", account, orderId, timestamp });
  if (out.code !== 0 || out.order === null) return edgeError(out.code);
  return { ok: true, result: toWireOrder(out.order) };
}
