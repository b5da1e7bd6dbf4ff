import { type Decimal, formatDecimal, formatRatio, pow10 } from "@unwind/protocol";
import type { Instrument } from "../Instrument.js";
import type { Int } from "../Int.js";
import type { OrderBook } from "../OrderBook.js";

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * floor(a / d) exactly for a safe integer a >= 0 and d > 0: the rounded division can be one off
 * near 2^53, and the remainder says which way.
 */
function floorDiv(a: number, d: number): number {
  const q = Math.floor(a / d);
  const r = a - q * d;
  return r < 0 ? q - 1 : r >= d ? q + 1 : q;
}

/**
 * `units / 10^scale` for a safe integer `units` and `scale` <= 15, canonically: the same text as
 * `formatDecimal` without a bigint, a regular expression or an intermediate digit string.
 */
export function formatSafe(units: number, scale: number): string {
  if (units === 0) return "0";
  const neg = units < 0;
  const a = neg ? -units : units;
  if (scale === 0) return neg ? "-" + a : "" + a;
  const p = POW10[scale]!;
  const int = floorDiv(a, p);
  let frac = a - int * p;
  let text = "" + int;
  if (frac !== 0) {
    let places = scale;
    while (frac % 10 === 0) {
      frac /= 10;
      places--;
    }
    let f = "" + frac;
    while (f.length < places) f = "0" + f;
    text += "." + f;
  }
  return neg ? "-" + text : text;
}

// The last two units converted to numbers (a result alternates between the tick and the lot).
let unitA: Decimal | undefined;
let unitANumber = 0;
let unitB: Decimal | undefined;
let unitBNumber = 0;

function unitNumber(unit: Decimal): number {
  if (unit === unitA) return unitANumber;
  if (unit !== unitB) {
    unitB = unit;
    unitBNumber = Number(unit.units);
  }
  const n = unitBNumber;
  unitB = unitA;
  unitBNumber = unitANumber;
  unitA = unit;
  unitANumber = n;
  return n;
}

/** `n x unit` as a canonical decimal: on numbers when the product is safe, else on bigints. */
function formatUnits(n: Int, unit: Decimal): string {
  if (typeof n === "number" && unit.scale <= 15) {
    const units = n * unitNumber(unit);
    if (Number.isSafeInteger(units)) return formatSafe(units, unit.scale);
  }
  return formatDecimal(BigInt(n) * unit.units, unit.scale);
}

/** Integer ticks as a canonical price string. */
export function formatPrice(instrument: Instrument, ticks: Int): string {
  return formatUnits(ticks, instrument.tick);
}

/** Integer lots as a canonical amount string. */
export function formatAmount(instrument: Instrument, lots: Int): string {
  return formatUnits(lots, instrument.contract);
}

/** A price given as `num / den` ticks, rounded half-up to 8 decimals. */
export function formatPriceRatio(instrument: Instrument, num: Int, den: Int): string {
  const tick = instrument.tick;
  if (typeof num === "number" && typeof den === "number" && num >= 0 && den > 0) {
    // A whole number of ticks (an average over fills at one price) is a plain price. (Checked by
    // multiplying back: `%` on numbers beyond the small integers is a slow floating-point call.)
    const whole = Math.floor(num / den);
    if (whole * den === num) return formatUnits(whole, tick);
    if (tick.scale <= 8) {
      // round(num x units x 10^(8 - scale) / den) in units of 1e-8, when every figure is safe.
      const n = num * unitNumber(tick) * POW10[8 - tick.scale]!;
      if (Number.isSafeInteger(n)) {
        const q = floorDiv(n, den);
        return formatSafe(2 * (n - q * den) >= den ? q + 1 : q, 8);
      }
    }
  }
  return formatRatio(BigInt(num) * tick.units, BigInt(den) * pow10(tick.scale), 8);
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
