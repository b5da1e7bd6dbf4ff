import { divideExact, parseDecimal } from "@unwind/protocol";
import type { Engine } from "../Engine.js";
import type { Instrument } from "../Instrument.js";
import type { OrderBook } from "../OrderBook.js";
import { ResultCode } from "../ResultCode.js";
import { type EdgeError, edgeError, invalidParams } from "./EdgeResult.js";

/** A parsed value or the wire error that stops the call. */
export type Parsed<T> = { ok: true; value: T } | EdgeError;

/** Wire params: a JSON object of named params. */
export type Params = Readonly<Record<string, unknown>>;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** The book named by `instrument_name` (schema-checked: a string), or 10020. */
export function parseBook(engine: Engine, params: Params): Parsed<OrderBook> {
  const book = engine.book(params["instrument_name"] as string);
  if (book === undefined) return edgeError(ResultCode.INVALID_OR_UNSUPPORTED_INSTRUMENT);
  return { ok: true, value: book };
}

/**
 * A price in ticks: not > 0 10023, off the tick grid 10043. A value `parseDecimal` cannot read
 * (the schema's pattern and length refuse it first) is -32602.
 */
export function parsePrice(
  instrument: Instrument,
  value: unknown,
  param = "price",
): Parsed<number> {
  const d = parseDecimal(value);
  if (!d.ok) return invalidParams(param, d.reason);
  if (d.value.units <= 0n) return edgeError(ResultCode.INVALID_PRICE);
  const ticks = divideExact(d.value, instrument.tick);
  if (ticks === undefined) return edgeError(ResultCode.PRICE_WRONG_TICK);
  if (ticks > MAX) return edgeError(ResultCode.INVALID_PRICE);
  return { ok: true, value: Number(ticks) };
}

/**
 * An order size in lots from `amount` or `contracts` (one is required and they must agree when both
 * are given: rules the schema cannot say, -32602): not > 0 or under the minimum 10002, not a
 * multiple of contract_size 10027; unreadable (the schema refuses it first) -32602.
 */
export function parseAmount(instrument: Instrument, params: Params): Parsed<number> {
  const rawAmount = params["amount"];
  const rawContracts = params["contracts"];
  if (rawAmount === undefined && rawContracts === undefined) {
    return invalidParams("amount", "required (or contracts)");
  }
  let lots: bigint | undefined;
  if (rawAmount !== undefined) {
    const d = parseDecimal(rawAmount);
    if (!d.ok) return invalidParams("amount", d.reason);
    if (d.value.units <= 0n) return edgeError(ResultCode.QTY_TOO_LOW);
    lots = divideExact(d.value, instrument.contract);
    if (lots === undefined) return edgeError(ResultCode.NON_INTEGER_CONTRACT_AMOUNT);
  }
  if (rawContracts !== undefined) {
    const c = parseDecimal(rawContracts);
    if (!c.ok) return invalidParams("contracts", c.reason);
    if (c.value.units <= 0n) return edgeError(ResultCode.QTY_TOO_LOW);
    const n = divideExact(c.value, { units: 1n, scale: 0 });
    if (n === undefined) return edgeError(ResultCode.NON_INTEGER_CONTRACT_AMOUNT);
    if (lots !== undefined && lots !== n) {
      return invalidParams(
        "contracts",
        "does not match amount (amount = contracts * contract_size)",
      );
    }
    lots = n;
  }
  if (lots! > MAX) return invalidParams("amount", "is too large");
  if (lots! < BigInt(instrument.minLots)) return edgeError(ResultCode.QTY_TOO_LOW);
  return { ok: true, value: Number(lots) };
}

/**
 * The optional `currency` and `kind` filters of get_instruments and get_positions (schema-checked:
 * a `CurrencyFilter` and an `InstrumentKind`).
 */
export function readFilters(params: Params): {
  currency: string | undefined;
  kind: string | undefined;
} {
  return {
    currency: params["currency"] as string | undefined,
    kind: params["kind"] as string | undefined,
  };
}
