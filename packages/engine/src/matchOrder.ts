import type { Account } from "./Account.js";
import { cancelResting } from "./cancelResting.js";
import type { EngineState } from "./EngineState.js";
import { enforceReduceOnly } from "./enforceReduceOnly.js";
import type { OrderBook } from "./OrderBook.js";
import { FILLED, Meta, REDUCE_ONLY_REASON, SELF_TRADE } from "./OrderMeta.js";
import type { Direction } from "./OrderVocabulary.js";
import type { Outcome } from "./Outcome.js";

/**
 * Matches incoming order `taker` (of `account`, for `amount` lots) against the opposite side in
 * price-time priority, at the resting prices, up to `limit` ticks. The taker's own resting orders
 * are cancelled (self_trade) and skipped; reduce-only fills are clipped so they never grow or flip
 * a position. Returns the lots filled; a taker filled whole is closed.
 */
export function matchOrder(
  engine: EngineState,
  taker: number,
  account: Account,
  book: OrderBook,
  direction: Direction,
  amount: number,
  reduceOnly: boolean,
  limit: number,
  out: Outcome,
): number {
  const store = engine.orders;
  const clock = engine.clock;
  const opp = book.opposite(direction);
  const makerDirection: Direction = direction === "buy" ? "sell" : "buy";
  const takerPos = account.position(book);
  const ts = clock[0]!;
  let filled = 0;
  while (filled < amount) {
    const level = opp.best();
    if (level === undefined || !opp.crosses(limit, level)) break;
    const maker = level.head(store);
    const makerAccount = store.accountId(maker);
    if (makerAccount === account.id) {
      cancelResting(engine, maker, SELF_TRADE, true, out);
      continue;
    }
    const makerPos = engine.accounts.get(makerAccount)!.position(book);
    let lots = amount - filled;
    const makerOpen = store.open(maker);
    if (makerOpen < lots) lots = makerOpen;
    if (reduceOnly) {
      const cap = takerPos.reducible(direction);
      if (cap === 0) break;
      if (cap < lots) lots = cap;
    }
    const makerReduceOnly = Meta.reduceOnly(store.meta(maker));
    if (makerReduceOnly) {
      const cap = makerPos.reducible(makerDirection);
      if (cap === 0) {
        cancelResting(engine, maker, REDUCE_ONLY_REASON, true, out);
        continue;
      }
      if (cap < lots) lots = cap;
    }
    const price = level.price;
    store.fill(maker, lots, price, clock);
    store.fill(taker, lots, price, clock);
    filled += lots;
    level.total -= lots;
    opp.version++;
    const makerDone = lots === makerOpen;
    if (makerDone) {
      store.close(maker, FILLED, 0, clock);
      opp.shift(level, 0);
      if (makerReduceOnly) makerPos.forget(maker);
    }
    const takerDone = filled === amount;
    if (takerDone) store.close(taker, FILLED, 0, clock);
    takerPos.fill(direction, lots, price);
    makerPos.fill(makerDirection, lots, price);
    const tickDirection = book.recordTrade(price);
    const trade = engine.made.trade(
      ++engine.tradeIds.count,
      book.tradeSeq,
      book.instrument.name,
      price,
      lots,
      ts,
      tickDirection,
      taker,
      account.id,
      direction,
      takerDone ? "filled" : "open",
      maker,
      makerAccount,
      makerDone ? "filled" : "open",
    );
    out.trades.push(trade);
    if (engine.emitEvents) {
      const instrument = book.instrument.name;
      const made = engine.made;
      out.events.push(
        made.tradeEvent(trade),
        made.positionChanged(account.id, instrument, takerPos.size),
        made.positionChanged(makerAccount, instrument, makerPos.size),
      );
    }
    if (makerPos.reduceOnly.length > 0) enforceReduceOnly(engine, makerPos, out);
    if (takerPos.reduceOnly.length > 0) enforceReduceOnly(engine, takerPos, out);
  }
  return filled;
}
