import type { Engine } from "./Engine.js";
import type { CancelReason, Order } from "./Order.js";
import type { Outcome } from "./Outcome.js";

/**
 * Takes a resting order out of its book and marks it cancelled for `reason`, at the current
 * command's timestamp (`engine.lastTimestamp`: a double field copied to a double field, where a
 * timestamp argument would be boxed into a fresh heap number on every call).
 */
export function cancelResting(
  engine: Engine,
  order: Order,
  reason: CancelReason,
  out: Outcome,
): void {
  const open = order.amount - order.filled;
  if (order.level !== null) order.book.own(order.direction).remove(order);
  order.state = "cancelled";
  order.cancelReason = reason;
  order.lastUpdateTimestamp = engine.lastTimestamp;
  if (order.reduceOnly) {
    const list = order.account.position(order.book).reduceOnly;
    const i = list.indexOf(order);
    if (i >= 0) list.splice(i, 1);
  }
  engine.orders.close(order);
  if (engine.emitEvents) {
    out.events.push(engine.made.orderCancelled(order.id, order.account.id, reason, open));
  }
}
