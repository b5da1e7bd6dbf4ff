import { cancelResting } from "./cancelResting.js";
import type { Engine } from "./Engine.js";
import { enforceReduceOnly } from "./enforceReduceOnly.js";
import { addInt, mulInt } from "./Int.js";
import type { Order } from "./Order.js";
import type { Outcome } from "./Outcome.js";

/**
 * Matches an incoming order against the opposite side in price-time priority, at the resting
 * prices, up to `limit` ticks. The taker's own resting orders are cancelled (self_trade) and
 * skipped; reduce-only fills are clipped so they never grow or flip a position.
 */
export function matchOrder(engine: Engine, taker: Order, limit: number, out: Outcome): void {
  const book = taker.book;
  const opp = book.opposite(taker.direction);
  const takerPos = taker.account.position(book);
  const ts = engine.lastTimestamp;
  while (taker.filled < taker.amount) {
    const level = opp.best();
    if (level === undefined || !opp.crosses(limit, level)) break;
    const maker = level.head!;
    if (maker.account === taker.account) {
      cancelResting(engine, maker, "self_trade", out);
      continue;
    }
    const makerPos = maker.account.position(book);
    let lots = taker.amount - taker.filled;
    const makerOpen = maker.amount - maker.filled;
    if (makerOpen < lots) lots = makerOpen;
    if (taker.reduceOnly) {
      const cap = takerPos.reducible(taker.direction);
      if (cap === 0) break;
      if (cap < lots) lots = cap;
    }
    if (maker.reduceOnly) {
      const cap = makerPos.reducible(maker.direction);
      if (cap === 0) {
        cancelResting(engine, maker, "reduce_only", out);
        continue;
      }
      if (cap < lots) lots = cap;
    }
    const price = level.price;
    const notional = mulInt(price, lots);
    maker.filled += lots;
    maker.cost = addInt(maker.cost, notional);
    maker.lastUpdateTimestamp = ts;
    taker.filled += lots;
    taker.cost = addInt(taker.cost, notional);
    level.total -= lots;
    opp.version++;
    if (maker.filled === maker.amount) {
      maker.state = "filled";
      opp.remove(maker);
      if (maker.reduceOnly) {
        const list = makerPos.reduceOnly;
        list.splice(list.indexOf(maker), 1);
      }
      engine.orders.close(maker);
    }
    if (taker.filled === taker.amount) taker.state = "filled";
    takerPos.fill(taker.direction, lots, price);
    makerPos.fill(maker.direction, lots, price);
    const tickDirection = book.recordTrade(price);
    const trade = engine.made.trade(
      ++engine.tradeIds.count,
      book.tradeSeq,
      book.instrument.name,
      price,
      lots,
      ts,
      tickDirection,
      taker.seq,
      taker.account.id,
      taker.direction,
      taker.state === "filled" ? "filled" : "open",
      maker.seq,
      maker.account.id,
      maker.state === "filled" ? "filled" : "open",
    );
    out.trades.push(trade);
    if (engine.emitEvents) {
      const instrument = book.instrument.name;
      const made = engine.made;
      out.events.push(
        made.tradeEvent(trade),
        made.positionChanged(trade.takerAccount, instrument, takerPos.size),
        made.positionChanged(trade.makerAccount, instrument, makerPos.size),
      );
    }
    if (makerPos.reduceOnly.length > 0) enforceReduceOnly(engine, makerPos, out);
    if (takerPos.reduceOnly.length > 0) enforceReduceOnly(engine, takerPos, out);
  }
}
