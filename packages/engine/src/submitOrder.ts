import type { Account } from "./Account.js";
import { cancelResting } from "./cancelResting.js";
import { canFillWhole } from "./canFillWhole.js";
import type { Engine } from "./Engine.js";
import { matchOrder } from "./matchOrder.js";
import type { Direction, OrderType, TimeInForce } from "./Order.js";
import type { OrderBook } from "./OrderBook.js";
import { type Outcome, reject } from "./Outcome.js";
import { ResultCode } from "./ResultCode.js";

/**
 * A validated order request: the shared input of buy, sell and close_position. The engine keeps
 * one and refills it for each command, so placing an order allocates no request object.
 */
export class OrderRequest {
  account: Account = null!;
  book: OrderBook = null!;
  direction: Direction = "buy";
  /** Lots, >= the instrument's minimum. */
  amount = 0;
  /** Ticks, > 0; ignored for a market order. */
  price = 0;
  orderType: OrderType = "limit";
  timeInForce: TimeInForce = "good_til_cancelled";
  postOnly = false;
  rejectPostOnly = false;
  reduceOnly = false;
  label = "";
  timestamp = 0;
}

/**
 * Places an order: the reduce-only cut, post-only re-pricing, fill-or-kill check, matching, and
 * then the remainder rests (good_til_cancelled) or is cancelled (immediate_or_cancel, market).
 */
export function submitOrder(engine: Engine, r: OrderRequest, out: Outcome): Outcome {
  const { account, book, direction } = r;
  let amount = r.amount;
  let price = r.price;
  let replaced = false;
  const position = account.position(book);
  if (r.reduceOnly) {
    const cap = position.reducible(direction);
    if (cap === 0) return reject(out, ResultCode.OTHER_REJECT, "reduce_only");
    if (amount > cap) {
      amount = cap;
      replaced = true;
    }
  }
  const opp = book.opposite(direction);
  const best = opp.best();
  const market = r.orderType === "market";
  if (market) {
    if (best === undefined) return reject(out, ResultCode.OTHER_REJECT, "no_liquidity");
    price = 0;
  } else if (r.postOnly && best !== undefined && opp.crosses(price, best)) {
    if (r.rejectPostOnly) return reject(out, ResultCode.POST_ONLY_REJECT);
    price = direction === "buy" ? best.price - 1 : best.price + 1;
    if (price <= 0) return reject(out, ResultCode.POST_ONLY_REJECT);
    replaced = true;
  }
  const order = engine.orders
    .acquire()
    .init(
      ++engine.orderIds.count,
      account,
      book,
      direction,
      price,
      amount,
      r.orderType,
      r.timeInForce,
      r.postOnly,
      r.rejectPostOnly,
      r.reduceOnly,
      r.label,
      0,
      replaced,
    );
  // Copied field to field: a timestamp argument would be boxed into a heap number per call.
  order.creationTimestamp = r.timestamp;
  order.lastUpdateTimestamp = r.timestamp;
  engine.orders.add(order);
  out.order = order;
  if (engine.emitEvents) {
    out.events.push(
      engine.made.orderPlaced(
        order.id,
        account.id,
        book.instrument.name,
        direction,
        price,
        amount,
        replaced,
      ),
    );
  }
  const limit = market ? (direction === "buy" ? Number.MAX_SAFE_INTEGER : 0) : price;
  if (r.timeInForce === "fill_or_kill" && !canFillWhole(order, limit)) {
    cancelResting(engine, order, "fill_or_kill", out);
    return out;
  }
  // A passive order (the opposite best does not reach its limit) skips matching altogether.
  if (!r.postOnly && best !== undefined && opp.crosses(limit, best)) {
    matchOrder(engine, order, limit, out);
  }
  if (order.state === "open") {
    if (market || r.timeInForce !== "good_til_cancelled") {
      cancelResting(engine, order, "immediate_or_cancel", out);
    } else {
      book.own(direction).add(order);
      if (order.reduceOnly) position.reduceOnly.push(order);
    }
  } else if (order.state === "filled") {
    engine.orders.close(order);
  }
  return out;
}
