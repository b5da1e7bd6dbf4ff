import type { PlaceCommand } from "../Command.js";
import type { Engine } from "../Engine.js";
import type { Direction, OrderType, TimeInForce } from "../OrderVocabulary.js";
import type { Outcome } from "../Outcome.js";
import { type EdgeError, type EdgeResult, edgeError, invalidParams } from "./EdgeResult.js";
import {
  checkDecimal,
  type Params,
  type Parsed,
  parseAmount,
  parseBook,
  parseBoolean,
  parseEnum,
  parsePrice,
} from "./parseParams.js";
import { placeResultJson } from "./placeResultJson.js";
import { toWireOrder, type WireOrder } from "./toWireOrder.js";
import { toWireTrade, type WireTrade } from "./toWireTrade.js";

/** Params of private/buy and private/sell (decimals as strings or numbers). */
export interface PlaceOrderParameters {
  instrument_name: string;
  amount?: string | number;
  contracts?: string | number;
  type?: OrderType;
  label?: string;
  price?: string | number;
  time_in_force?: TimeInForce;
  post_only?: boolean;
  reject_post_only?: boolean;
  reduce_only?: boolean;
}

/** Result of private/buy, private/sell and private/close_position. */
export interface PlaceOrderReturnType {
  order: WireOrder;
  trades: WireTrade[];
}

const TYPES: readonly OrderType[] = ["limit", "market"];
const TIFS: readonly TimeInForce[] = ["good_til_cancelled", "immediate_or_cancel", "fill_or_kill"];

/**
 * Turns buy/sell wire params into a validated integer command, or the wire error, checking in
 * the spec's order: schemas, instrument, post_only combination, amount, price.
 */
export function parsePlaceOrder(
  engine: Engine,
  account: number,
  direction: Direction,
  params: Params,
  timestamp: number,
): Parsed<PlaceCommand> {
  const name = params["instrument_name"];
  if (name === undefined) return invalidParams("instrument_name", "required");
  if (typeof name !== "string") return invalidParams("instrument_name", "must be string");
  const type = parseEnum(params, "type", TYPES, "limit");
  if (!type.ok) return type;
  const tif = parseEnum(params, "time_in_force", TIFS, "good_til_cancelled");
  if (!tif.ok) return tif;
  const flags = ["post_only", "reject_post_only", "reduce_only"].map((n) =>
    parseBoolean(params, n, false),
  );
  for (const f of flags) if (!f.ok) return f;
  const [postOnly, rejectPostOnly, reduceOnly] = flags.map((f) => f.ok && f.value);
  const label = params["label"] ?? "";
  if (typeof label !== "string") return invalidParams("label", "must be string");
  if (label.length > 64) return invalidParams("label", "must NOT have more than 64 characters");
  for (const d of ["amount", "contracts", "price"]) {
    const e = checkDecimal(params, d);
    if (e !== undefined) return e;
  }
  const book = parseBook(engine, params);
  if (!book.ok) return book;
  const instrument = book.value.instrument;
  if (postOnly && (type.value === "market" || tif.value !== "good_til_cancelled")) {
    return invalidParams("post_only", "requires type limit and time_in_force good_til_cancelled");
  }
  const amount = parseAmount(instrument, params);
  if (!amount.ok) return amount;
  const command: PlaceCommand = {
    type: direction,
    account,
    instrument: instrument.name,
    amount: amount.value,
    orderType: type.value!,
    timeInForce: tif.value!,
    postOnly: postOnly!,
    rejectPostOnly: rejectPostOnly!,
    reduceOnly: reduceOnly!,
    label,
    timestamp,
  };
  if (type.value === "limit") {
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
