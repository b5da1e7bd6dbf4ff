import type { ClosePositionCommand } from "../Command.js";
import type { Engine } from "../Engine.js";
import type { EdgeError, EdgeResult } from "./EdgeResult.js";
import { type Params, type Parsed, parseBook, parsePrice } from "./parseParams.js";
import { type PlaceOrderReturnType, toPlaceResult, toPlaceResultJson } from "./placeOrder.js";

/** Params of private/close_position (the spec's type, generated). */
export type { ClosePositionParameters } from "../generated/types.js";

/** Result of private/close_position: the whole order and the trades it made. */
export type ClosePositionReturnType = PlaceOrderReturnType;

/** Errors of private/close_position: -32602, 10020, 10023, 10043, 11030. */
export type ClosePositionErrorType = EdgeError;

/**
 * Turns close_position params the spec's schema accepts (the server's generated validator checked
 * them: `instrument_name` a string, `type` "limit", `price` a decimal) into an integer command,
 * or the wire error of a rule the schema cannot say: the instrument (10020), the price's tick
 * and sign (10043, 10023).
 */
export function parseClosePosition(
  engine: Engine,
  account: number,
  params: Params,
  timestamp: number,
): Parsed<ClosePositionCommand> {
  const book = parseBook(engine, params);
  if (!book.ok) return book;
  const command: ClosePositionCommand = {
    type: "close_position",
    account,
    instrument: book.value.instrument.name,
    timestamp,
  };
  if (params["price"] !== undefined) {
    const price = parsePrice(book.value.instrument, params["price"]);
    if (!price.ok) return price;
    command.price = price.value;
  }
  return { ok: true, value: command };
}

/** private/close_position: parses, applies and answers in wire shapes. */
export function closePosition(
  engine: Engine,
  account: number,
  params: Params,
  timestamp: number,
): EdgeResult<ClosePositionReturnType> {
  const command = parseClosePosition(engine, account, params, timestamp);
  if (!command.ok) return command;
  return toPlaceResult(engine, engine.apply(command.value));
}

/** {@link closePosition} with the result as JSON text (see {@link placeResultJson}). */
export function closePositionJson(
  engine: Engine,
  account: number,
  params: Params,
  timestamp: number,
): EdgeResult<string> {
  const command = parseClosePosition(engine, account, params, timestamp);
  if (!command.ok) return command;
  // The JSON is written before this returns: the engine's scratch outcome (pooled trades) serves.
  return toPlaceResultJson(engine, engine.apply(command.value, engine.scratch));
}
