import type { Engine } from "../Engine.js";
import { type EdgeResult, invalidParams } from "./EdgeResult.js";
import { type Params, parseBook, parseFilters } from "./parseParams.js";
import { toWireCurrency, type WireCurrency } from "./toWireCurrency.js";
import { toWireInstrument, type WireInstrument } from "./toWireInstrument.js";
import { toWireOrderBook, type WireOrderBook } from "./toWireOrderBook.js";

/** public/get_order_book: `depth` levels per side (default 20), best first. */
export function getOrderBook(
  engine: Engine,
  params: Params,
  timestamp: number,
): EdgeResult<WireOrderBook> {
  const book = parseBook(engine, params);
  if (!book.ok) return book;
  const depth = params["depth"] ?? 20;
  if (!Number.isSafeInteger(depth)) return invalidParams("depth", "must be integer");
  if ((depth as number) < 1) return invalidParams("depth", "must be >= 1");
  if ((depth as number) > 10000) return invalidParams("depth", "must be <= 10000");
  let openInterest = 0;
  for (const a of engine.accounts.list()) {
    const p = a.peekPosition(book.value.instrument.index);
    if (p !== undefined && p.size > 0) openInterest += p.size;
  }
  return {
    ok: true,
    result: toWireOrderBook(book.value, depth as number, timestamp, openInterest),
  };
}

/** public/get_instruments: by currency (or "any") and kind; `expired: true` lists none (nothing expires here). */
export function getInstruments(engine: Engine, params: Params): EdgeResult<WireInstrument[]> {
  const filters = parseFilters(params);
  if (!filters.ok) return filters;
  const { currency, kind } = filters.value;
  const expired = params["expired"];
  if (expired !== undefined && typeof expired !== "boolean")
    return invalidParams("expired", "must be boolean");
  if (expired === true) return { ok: true, result: [] };
  const result = engine.instruments
    .filter(
      (i) => currency === undefined || currency === "any" || i.config.base_currency === currency,
    )
    .filter((i) => kind === undefined || i.config.kind === kind)
    .map(toWireInstrument);
  return { ok: true, result };
}

/** public/get_currencies: every base and settlement currency of the instruments, in order of appearance. */
export function getCurrencies(engine: Engine): EdgeResult<WireCurrency[]> {
  return { ok: true, result: engine.currencies().map(toWireCurrency) };
}
