import type { PlaceCommand } from "../Command.js";
import type { Engine } from "../Engine.js";
import type { Direction, OrderType, TimeInForce } from "../OrderVocabulary.js";
import type { Outcome } from "../Outcome.js";
import { type EdgeError, type EdgeResult, edgeError, invalidParams } from "./EdgeResult.js";
import { type Params, type Parsed, parseAmount, parseBook, parsePrice } from "./parseParams.js";
import { placeResultJson } from "./placeResultJson.js";
import { toWireOrder, type WireOrder } from "./toWireOrder.js";
import { toWireTrade, type WireTrade } from "./toWireTrade.js";

/** Params of private/buy and private/sell (the spec's type, generated; the two are alike). */
export type { BuyParameters as PlaceOrderParameters } from "../generated/types.js";

/** Result of private/buy, private/sell and private/close_position. */
export interface PlaceOrderReturnType {
  order: WireOrder;
  trades: WireTrade[];
}

/**
 * Turns buy/sell params the spec's schema accepts (the server's generated validator checked their
 * types, enums, `label`'s length and the decimals' pattern) into an integer command, or the wire
 * error of a rule the schema cannot say, in the spec's order: the instrument (10020), post_only
 * only with a GTC limit (-32602), `amount` or `contracts` given and agreeing (-32602), the
 * amount's size (10002, 10027), a limit's price given (-32602), on the tick and positive (10043,
 * 10023).
 */
export function parsePlaceOrder(
  engine: Engine,
  account: number,
  direction: Direction,
  params: Params,
  timestamp: number,
): Parsed<PlaceCommand> {
  const type = (params["type"] as OrderType | undefined) ?? "limit";
  const tif = (params["time_in_force"] as TimeInForce | undefined) ?? "good_til_cancelled";
  const postOnly = params["post_only"] === true;
  const label = (params["label"] as string | undefined) ?? "";
  const book = parseBook(engine, params);
  if (!book.ok) return book;
  const instrument = book.value.instrument;
  if (postOnly && (type === "market" || tif !== "good_til_cancelled")) {
    return invalidParams("post_only", "requires type limit and time_in_force good_til_cancelled");
  }
  const amount = parseAmount(instrument, params);
  if (!amount.ok) return amount;
  const command: PlaceCommand = {
    type: direction,
    account,
    instrument: instrument.name,
    amount: amount.value,
    orderType: type,
    timeInForce: tif,
    postOnly,
    rejectPostOnly: params["reject_post_only"] === true,
    reduceOnly: params["reduce_only"] === true,
    label,
    timestamp,
  };
  if (type === "limit") {
    if (params["price"] === undefined) return invalidParams("price", "required for type limit");
    const price = parsePrice(instrument, params["price"]);
    if (!price.ok) return price;
    command.price = price.value;
  }
  return { ok: true, value: command };
}

/** Converts the outcome of an order-placing command to `{order, trades}` or the wire error. */
export function toPlaceResult(engine: Engine, out: Outcome): EdgeResult<PlaceOrderReturnType> {
  if (out.code !== 0 || out.order === null) return rejection(out);
  return {
    ok: true,
    result: {
      order: toWireOrder(out.order),
      trades: out.trades.map((t) => toWireTrade(engine, t)),
    },
  };
}

/** private/buy and private/sell: parses, applies and answers in wire shapes. */
export function placeOrder(
  engine: Engine,
  account: number,
  direction: Direction,
  params: Params,
  timestamp: number,
): EdgeResult<PlaceOrderReturnType> {
  const command = parsePlaceOrder(engine, account, direction, params, timestamp);
  if (!command.ok) return command;
  return toPlaceResult(engine, engine.apply(command.value));
}

/** {@link placeOrder} with the result as JSON text (see {@link placeResultJson}). */
export function placeOrderJson(
  engine: Engine,
  account: number,
  direction: Direction,
  params: Params,
  timestamp: number,
): EdgeResult<string> {
  const command = parsePlaceOrder(engine, account, direction, params, timestamp);
  if (!command.ok) return command;
  // The JSON is written before this returns: the engine's scratch outcome (pooled trades) serves.
  return toPlaceResultJson(engine, engine.apply(command.value, engine.scratch));
}

/** {@link toPlaceResult} with the result as JSON text. */
export function toPlaceResultJson(engine: Engine, out: Outcome): EdgeResult<string> {
  if (out.code !== 0 || out.order === null) return rejection(out);
  return { ok: true, result: placeResultJson(engine, out) };
}

/** The wire error of a rejected order-placing outcome (11030 carries its reason). */
function rejection(out: Outcome): EdgeError {
  return edgeError(out.code, out.reason === null ? undefined : { reason: out.reason });
}
