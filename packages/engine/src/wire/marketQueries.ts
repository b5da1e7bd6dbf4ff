import type { Engine } from "../Engine.js";
import type { EdgeResult } from "./EdgeResult.js";
import { type Params, parseBook, readFilters } from "./parseParams.js";
import { toWireCurrency, type WireCurrency } from "./toWireCurrency.js";
import { toWireInstrument, type WireInstrument } from "./toWireInstrument.js";
import { toWireOrderBook, type WireOrderBook } from "./toWireOrderBook.js";

/** public/get_order_book: `depth` levels per side (schema-checked 1 to 10000; default 20), best first. */
export function getOrderBook(
  engine: Engine,
  params: Params,
  timestamp: number,
): EdgeResult<WireOrderBook> {
  const book = parseBook(engine, params);
  if (!book.ok) return book;
  const depth = (params["depth"] as number | undefined) ?? 20;
  let openInterest = 0;
  for (const a of engine.accounts.list()) {
    const p = a.peekPosition(book.value.instrument.index);
    if (p !== undefined && p.size > 0) openInterest += p.size;
  }
  return {
    ok: true,
    result: toWireOrderBook(book.value, depth, timestamp, openInterest),
  };
}

/** public/get_instruments: by currency (or "any") and kind; `expired: true` lists none (nothing expires here). */
export function getInstruments(engine: Engine, params: Params): EdgeResult<WireInstrument[]> {
  const { currency, kind } = readFilters(params);
  if (params["expired"] === true) return { ok: true, result: [] };
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
