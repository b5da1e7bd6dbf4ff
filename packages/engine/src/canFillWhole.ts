import type { EngineState } from "./EngineState.js";
import type { OrderBook } from "./OrderBook.js";
import { Meta } from "./OrderMeta.js";
import type { Direction } from "./OrderVocabulary.js";

/**
 * Whether a fill-or-kill order of `account` for `need` lots up to `limit` ticks would fill whole:
 * walks the opposite side in matching order, skipping the account's own orders (self-trade
 * cancels them) and capping reduce-only makers by their position as it would evolve in the sweep.
 */
export function canFillWhole(
  engine: EngineState,
  account: number,
  book: OrderBook,
  direction: Direction,
  need: number,
  limit: number,
): boolean {
  const store = engine.orders;
  const opp = book.opposite(direction);
  const levels = opp.levels;
  const sizes = new Map<number, number>();
  for (let i = levels.length - 1; i >= 0 && need > 0; i--) {
    const level = levels[i]!;
    if (!opp.crosses(limit, level)) break;
    const q = level.queue;
    for (let k = level.start; k < q.length && need > 0; k++) {
      const seq = q[k]!;
      const meta = store.meta(seq);
      if (!Meta.isOpen(meta)) continue;
      const owner = store.accountId(seq);
      if (owner === account) continue;
      const size = sizes.get(owner) ?? engine.accounts.get(owner)!.position(book).size;
      let lots = store.open(seq);
      const sell = Meta.isSell(meta);
      if (Meta.reduceOnly(meta)) {
        const cap = sell ? Math.max(size, 0) : Math.max(-size, 0);
        if (cap < lots) lots = cap;
      }
      if (need < lots) lots = need;
      need -= lots;
      sizes.set(owner, sell ? size - lots : size + lots);
    }
  }
  return need === 0;
}
