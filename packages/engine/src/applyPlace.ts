import type { PlaceCommand } from "./Command.js";
import type { EngineState } from "./EngineState.js";
import { type Outcome, reject } from "./Outcome.js";
import { ResultCode } from "./ResultCode.js";
import { submitOrder } from "./submitOrder.js";

/** Applies a buy or sell: validates the integer command, then submits the order. */
export function applyPlace(engine: EngineState, c: PlaceCommand, out: Outcome): Outcome {
  engine.clock[0] = c.timestamp;
  const account = engine.accounts.get(c.account);
  if (account === undefined) return reject(out, ResultCode.UNAUTHORIZED);
  const book = engine.book(c.instrument);
  if (book === undefined) return reject(out, ResultCode.INVALID_OR_UNSUPPORTED_INSTRUMENT);
  const amount = c.amount;
  if (!(amount > 0)) return reject(out, ResultCode.QTY_TOO_LOW);
  if (!Number.isSafeInteger(amount)) return reject(out, ResultCode.NON_INTEGER_CONTRACT_AMOUNT);
  if (amount < book.instrument.minLots) return reject(out, ResultCode.QTY_TOO_LOW);
  let price = 0;
  if (c.orderType === "limit") {
    price = c.price ?? 0;
    if (!(price > 0)) return reject(out, ResultCode.INVALID_PRICE);
    if (!Number.isSafeInteger(price)) return reject(out, ResultCode.PRICE_WRONG_TICK);
  }
  const r = engine.request;
  r.account = account;
  r.book = book;
  r.direction = c.type;
  r.amount = amount;
  r.price = price;
  r.orderType = c.orderType;
  r.timeInForce = c.timeInForce;
  r.postOnly = c.postOnly;
  r.rejectPostOnly = c.rejectPostOnly;
  r.reduceOnly = c.reduceOnly;
  r.label = c.label;
  r.timestamp = c.timestamp;
  return submitOrder(engine, r, out);
}
