import type { CancelCommand } from "./Command.js";
import { cancelResting } from "./cancelResting.js";
import type { Engine } from "./Engine.js";
import type { Outcome } from "./Outcome.js";
import { ResultCode } from "./ResultCode.js";
import { rejected } from "./submitOrder.js";

/** Applies a cancel: another account's order is unknown (10004); a closed one is 11044. */
export function applyCancel(engine: Engine, c: CancelCommand): Outcome {
  const order = engine.orders.get(c.orderId);
  if (order === undefined || order.account.id !== c.account) {
    return rejected(ResultCode.ORDER_NOT_FOUND);
  }
  if (order.state !== "open") return rejected(ResultCode.NOT_OPEN_ORDER);
  const out: Outcome = { code: ResultCode.OK, reason: null, order, trades: [], events: [] };
  cancelResting(engine, order, "user_request", c.timestamp, out);
  return out;
}
