import type { ClosePositionCommand } from "./Command.js";
import type { EngineState } from "./EngineState.js";
import { type Outcome, reject } from "./Outcome.js";
import { ResultCode } from "./ResultCode.js";
import { submitOrder } from "./submitOrder.js";

/**
 * Applies close_position: one reduce-only good_til_cancelled limit order opposite to the
 * position for |size|, at the given price or the best opposite price.
 */
export function applyClosePosition(
  engine: EngineState,
  c: ClosePositionCommand,
  out: Outcome,
): Outcome {
  engine.clock[0] = c.timestamp;
  const account = engine.accounts.get(c.account);
  if (account === undefined) return reject(out, ResultCode.UNAUTHORIZED);
  const book = engine.book(c.instrument);
  if (book === undefined) return reject(out, ResultCode.INVALID_OR_UNSUPPORTED_INSTRUMENT);
  if (c.price !== undefined) {
    if (!(c.price > 0)) return reject(out, ResultCode.INVALID_PRICE);
    if (!Number.isSafeInteger(c.price)) return reject(out, ResultCode.PRICE_WRONG_TICK);
  }
  const size = account.position(book).size;
  if (size === 0) return reject(out, ResultCode.OTHER_REJECT, "no_open_position");
  const direction = size > 0 ? "sell" : "buy";
  let price: number;
  if (c.price !== undefined) {
    price = c.price;
  } else {
    const best = book.opposite(direction).best();
    if (best === undefined) return reject(out, ResultCode.OTHER_REJECT, "no_liquidity");
    price = best.price;
  }
  const r = engine.request;
  r.account = account;
  r.book = book;
  r.direction = direction;
  r.amount = size > 0 ? size : -size;
  r.price = price;
  r.orderType = "limit";
  r.timeInForce = "good_til_cancelled";
  r.postOnly = false;
  r.rejectPostOnly = false;
  r.reduceOnly = true;
  r.label = "";
  r.timestamp = c.timestamp;
  return submitOrder(engine, r, out);
}
