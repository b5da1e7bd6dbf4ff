import type { CancelCommand } from "./Command.js";
import { cancelResting } from "./cancelResting.js";
import type { EngineState } from "./EngineState.js";
import { Order } from "./Order.js";
import { USER_REQUEST } from "./OrderMeta.js";
import { type Outcome, reject } from "./Outcome.js";
import { ResultCode } from "./ResultCode.js";

/** Applies a cancel: another account's order is unknown (10004); a closed one is 11044. */
export function applyCancel(engine: EngineState, c: CancelCommand, out: Outcome): Outcome {
  engine.clock[0] = c.timestamp;
  const store = engine.orders;
  const seq = engine.orderIds.seqOf(c.orderId);
  if (!store.has(seq)) return reject(out, ResultCode.ORDER_NOT_FOUND);
  const owner = store.accountId(seq);
  if (owner !== c.account) return reject(out, ResultCode.ORDER_NOT_FOUND);
  if (!store.isOpen(seq)) return reject(out, ResultCode.NOT_OPEN_ORDER);
  out.order = new Order(store, seq);
  cancelResting(engine, seq, USER_REQUEST, true, out);
  return out;
}
