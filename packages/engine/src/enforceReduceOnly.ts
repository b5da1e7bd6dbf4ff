import { cancelResting } from "./cancelResting.js";
import type { Engine } from "./Engine.js";
import type { Outcome } from "./Outcome.js";
import type { Position } from "./Position.js";

/**
 * Restores the reduce-only invariant after `position` changed: each resting reduce-only order's
 * open lots are cut to |size|, and the order is cancelled when the position is flat or on its own
 * side. The rule is per order (not over their sum), as the contract states it.
 */
export function enforceReduceOnly(engine: Engine, position: Position, out: Outcome): void {
  const list = position.reduceOnly;
  let i = 0;
  while (i < list.length) {
    const order = list[i]!;
    const cap = position.reducible(order.direction);
    if (cap === 0) {
      cancelResting(engine, order, "reduce_only", out);
      continue;
    }
    const open = order.amount - order.filled;
    if (open > cap) {
      order.book.own(order.direction).reduce(order, open - cap);
      order.amount = order.filled + cap;
      order.replaced = true;
      order.lastUpdateTimestamp = engine.lastTimestamp;
      if (engine.emitEvents) {
        out.events.push(engine.made.orderReduced(order.id, order.account.id, order.amount));
      }
    }
    i++;
  }
}
