import type { CancelCommand } from "./Command.js";
import { cancelResting } from "./cancelResting.js";
import type { Engine } from "./Engine.js";
import { type Outcome, reject } from "./Outcome.js";
import { ResultCode } from "./ResultCode.js";

/** Applies a cancel: another account's order is unknown (10004); a closed one is 11044. */
export function applyCancel(engine: Engine, c: CancelCommand, out: Outcome): Outcome {
  engine.clock[0] = c.timestamp;
  const seq = engine.orderIds.seqOf(c.orderId);
  const order = engine.orders.openBySeq(seq);
  if (order === undefined) {
    const owner = engine.orders.closedAccount(seq);
    return reject(
      out,
      owner === c.account ? ResultCode.NOT_OPEN_ORDER : ResultCode.ORDER_NOT_FOUND,
    );
  }
  if (order.account.id !== c.account) return reject(out, ResultCode.ORDER_NOT_FOUND);
  out.order = order;
  cancelResting(engine, order, "user_request", out);
  return out;
}
