import type { Account } from "./Account.js";
import type { Order } from "./Order.js";

/**
 * Whether a fill-or-kill order would fill whole: walks the opposite side in matching order,
 * skipping the taker's own orders (self-trade cancels them) and capping reduce-only makers by
 * their position as it would evolve during the sweep.
 */
export function canFillWhole(taker: Order, limit: number): boolean {
  const book = taker.book;
  const opp = book.opposite(taker.direction);
  const levels = opp.levels;
  const sizes = new Map<Account, number>();
  let need = taker.amount - taker.filled;
  for (let i = levels.length - 1; i >= 0 && need > 0; i--) {
    const level = levels[i]!;
    if (!opp.crosses(limit, level)) break;
    for (let o = level.head; o !== null && need > 0; o = o.next) {
      if (o.account === taker.account) continue;
      const size = sizes.get(o.account) ?? o.account.position(book).size;
      let lots = o.amount - o.filled;
      if (o.reduceOnly) {
        const cap = o.direction === "sell" ? Math.max(size, 0) : Math.max(-size, 0);
        if (cap < lots) lots = cap;
      }
      if (need < lots) lots = need;
      need -= lots;
      sizes.set(o.account, o.direction === "buy" ? size + lots : size - lots);
    }
  }
  return need === 0;
}
