import { formatDecimal, formatRatio, pow10 } from "../decimal.js";
import type { Instrument } from "../Instrument.js";
import type { Int } from "../Int.js";
import type { OrderBook } from "../OrderBook.js";

/** Integer ticks as a canonical price string. */
export function formatPrice(instrument: Instrument, ticks: Int): string {
  return formatDecimal(BigInt(ticks) * instrument.tick.units, instrument.tick.scale);
}

/** Integer lots as a canonical amount string. */
export function formatAmount(instrument: Instrument, lots: Int): string {
  return formatDecimal(BigInt(lots) * instrument.contract.units, instrument.contract.scale);
}

/** A price given as `num / den` ticks, rounded half-up to 8 decimals. */
export function formatPriceRatio(instrument: Instrument, num: Int, den: Int): string {
  return formatRatio(
    BigInt(num) * instrument.tick.units,
    BigInt(den) * pow10(instrument.tick.scale),
    8,
  );
}

/** The mark price in ticks as `[num, den]`: the last trade price, else the mid, else a best price. */
export function markTicks(book: OrderBook): [bigint, bigint] | null {
  if (book.lastPrice > 0) return [BigInt(book.lastPrice), 1n];
  const b = book.bids.best();
  const a = book.asks.best();
  if (b !== undefined && a !== undefined) return [BigInt(b.price + a.price), 2n];
  const one = b ?? a;
  return one === undefined ? null : [BigInt(one.price), 1n];
}

/** The mark price as a wire decimal ("0" when the book never had a price). */
export function formatMark(book: OrderBook): string {
  const m = markTicks(book);
  return m === null ? "0" : formatPriceRatio(book.instrument, m[0], m[1]);
}
