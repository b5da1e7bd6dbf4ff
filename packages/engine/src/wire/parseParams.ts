import { divideExact, parseDecimal } from "../decimal.js";
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

/** The book named by `instrument_name` (required), or -32602 / 10020. */
export function parseBook(engine: Engine, params: Params): Parsed<OrderBook> {
  const name = params["instrument_name"];
  if (name === undefined) return invalidParams("instrument_name", "required");
  if (typeof name !== "string") return invalidParams("instrument_name", "must be string");
  const book = engine.book(name);
  if (book === undefined) return edgeError(ResultCode.INVALID_OR_UNSUPPORTED_INSTRUMENT);
  return { ok: true, value: book };
}

/** A price in ticks: malformed -32602, not > 0 10023, off the tick grid 10043. */
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
 * An order size in lots from `amount` or `contracts` (they must agree when both are given):
 * malformed -32602, not > 0 or under the minimum 10002, not a multiple of contract_size 10027.
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

/** An optional boolean param. */
export function parseBoolean(params: Params, name: string, fallback: boolean): Parsed<boolean> {
  const v = params[name];
  if (v === undefined) return { ok: true, value: fallback };
  if (typeof v !== "boolean") return invalidParams(name, "must be boolean");
  return { ok: true, value: v };
}

/** An optional string param restricted to `allowed`. */
export function parseEnum<T extends string>(
  params: Params,
  name: string,
  allowed: readonly T[],
  fallback: T | undefined,
): Parsed<T | undefined> {
  const v = params[name];
  if (v === undefined) return { ok: true, value: fallback };
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
    return invalidParams(name, `must be one of: ${allowed.join(", ")}`);
  }
  return { ok: true, value: v as T };
}

/** Checks that a decimal param, when present, is well-formed (a schema check: -32602). */
export function checkDecimal(params: Params, name: string): EdgeError | undefined {
  const v = params[name];
  if (v === undefined) return undefined;
  const d = parseDecimal(v);
  return d.ok ? undefined : invalidParams(name, d.reason);
}

/** A required order id: a string of decimal digits. */
export function parseOrderId(params: Params): Parsed<string> {
  const v = params["order_id"];
  if (v === undefined) return invalidParams("order_id", "required");
  if (typeof v !== "string" || !/^[0-9]+$/.test(v)) {
    return invalidParams("order_id", 'must match pattern "^[0-9]+$"');
  }
  return { ok: true, value: v };
}

const CURRENCY_FILTER = ["BTC", "ETH", "USDC", "USDT", "EURR", "any"] as const;
const KINDS = ["future", "option", "spot", "future_combo", "option_combo"] as const;

/** The optional `currency` and `kind` filters of get_instruments and get_positions. */
export function parseFilters(params: Params): Parsed<{ currency?: string; kind?: string }> {
  const currency = parseEnum(params, "currency", CURRENCY_FILTER, undefined);
  if (!currency.ok) return currency;
  const kind = parseEnum(params, "kind", KINDS, undefined);
  if (!kind.ok) return kind;
  return { ok: true, value: { currency: currency.value, kind: kind.value } };
}
