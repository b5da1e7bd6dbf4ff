import { cancelResting } from "./cancelResting.js";
import type { EngineState } from "./EngineState.js";
import { Meta, REDUCE_ONLY_REASON } from "./OrderMeta.js";
import type { Outcome } from "./Outcome.js";
import type { Position } from "./Position.js";

/**
 * Restores the reduce-only invariant after `position` changed: each resting reduce-only order's
 * open lots are cut to |size|, and the order is cancelled when the position is flat or on its own
 * side. The rule is per order (not over their sum), as the contract states it.
 */
export function enforceReduceOnly(engine: EngineState, position: Position, out: Outcome): void {
  const store = engine.orders;
  const list = position.reduceOnly;
  let i = 0;
  while (i < list.length) {
    const seq = list[i]!;
    const sell = Meta.isSell(store.meta(seq));
    const cap = position.reducible(sell ? "sell" : "buy");
    if (cap === 0) {
      cancelResting(engine, seq, REDUCE_ONLY_REASON, true, out);
      continue;
    }
    const open = store.open(seq);
    if (open > cap) {
      const book = position.book;
      (sell ? book.asks : book.bids).reduce(store.price(seq), open - cap);
      const amount = store.filled(seq) + cap;
      store.cut(seq, amount, engine.clock);
      if (engine.emitEvents) {
        out.events.push(engine.made.orderReduced(seq, store.accountId(seq), amount));
      }
    }
    i++;
  }
}
