import type { EngineState } from "./EngineState.js";
import { CANCELLED, Meta, REASONS } from "./OrderMeta.js";
import type { Outcome } from "./Outcome.js";

/**
 * Cancels open order `seq` for `reason` (a reason code of the store) at the current command's
 * timestamp; `resting` says whether it is in its book (an incoming order's remainder is not).
 */
export function cancelResting(
  engine: EngineState,
  seq: number,
  reason: number,
  resting: boolean,
  out: Outcome,
): void {
  const store = engine.orders;
  const meta = store.meta(seq);
  const open = store.open(seq);
  const book = engine.books[Meta.instrument(meta)]!;
  // Closed first: the level may compact its queue, which keeps only open orders.
  store.close(seq, CANCELLED, reason, engine.clock);
  if (resting) (Meta.isSell(meta) ? book.asks : book.bids).remove(store.price(seq), open);
  const account = store.accountId(seq);
  if (Meta.reduceOnly(meta)) engine.accounts.get(account)!.position(book).forget(seq);
  if (engine.emitEvents) {
    out.events.push(engine.made.orderCancelled(seq, account, REASONS[reason]!, open));
  }
}
