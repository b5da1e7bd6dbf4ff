import { cancelResting } from "./cancelResting.js";
import { canFillWhole } from "./canFillWhole.js";
import type { EngineState } from "./EngineState.js";
import { matchOrder } from "./matchOrder.js";
import { Order } from "./Order.js";
import { FILL_OR_KILL, IMMEDIATE_OR_CANCEL, orderMeta } from "./OrderMeta.js";
import type { OrderRequest } from "./OrderRequest.js";
import { type Outcome, reject } from "./Outcome.js";
import { ResultCode } from "./ResultCode.js";

/**
 * Places an order: the reduce-only cut, post-only re-pricing, fill-or-kill check, matching, and
 * then the remainder rests (good_til_cancelled) or is cancelled (immediate_or_cancel, market).
 */
export function submitOrder(engine: EngineState, r: OrderRequest, out: Outcome): Outcome {
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
  const store = engine.orders;
  const seq = store.create(
    account.id,
    orderMeta(
      direction,
      r.orderType,
      r.timeInForce,
      r.postOnly,
      r.rejectPostOnly,
      r.reduceOnly,
      replaced,
      book.instrument.index,
    ),
    price,
    amount,
    r.label,
  );
  engine.orderIds.count = seq;
  // Copied from the clock: a timestamp argument would be boxed into a heap number per call.
  store.stamp(seq, engine.clock);
  out.order = new Order(store, seq);
  if (engine.emitEvents) {
    out.events.push(
      engine.made.orderPlaced(
        seq,
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
  if (
    r.timeInForce === "fill_or_kill" &&
    !canFillWhole(engine, account.id, book, direction, amount, limit)
  ) {
    cancelResting(engine, seq, FILL_OR_KILL, false, out);
    return out;
  }
  let filled = 0;
  // A passive order (the opposite best does not reach its limit) skips matching altogether.
  if (!r.postOnly && best !== undefined && opp.crosses(limit, best)) {
    filled = matchOrder(engine, seq, account, book, direction, amount, r.reduceOnly, limit, out);
  }
  if (filled < amount) {
    if (market || r.timeInForce !== "good_til_cancelled") {
      cancelResting(engine, seq, IMMEDIATE_OR_CANCEL, false, out);
    } else {
      book.own(direction).add(seq, price, amount - filled);
      if (r.reduceOnly) position.reduceOnly.push(seq);
    }
  }
  return out;
}
