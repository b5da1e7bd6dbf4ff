import { formatDecimal, formatRatio, pow10 } from "@unwind/protocol";
import type { OrderBook } from "../OrderBook.js";
import type { Position } from "../Position.js";
import { formatMark, formatPriceRatio, markTicks } from "./format.js";

/** The Position object of the wire (shapes.md). */
export interface WirePosition {
  instrument_name: string;
  kind: "future";
  size: string;
  direction: "buy" | "sell" | "zero";
  size_currency: string;
  average_price: string;
  realized_profit_loss: string;
  floating_profit_loss: string;
  total_profit_loss: string;
  mark_price: string;
  index_price: string;
  leverage: number;
  delta: string;
  initial_margin: string;
  maintenance_margin: string;
  open_orders_margin: string;
  settlement_price: string;
}

function roundDiv(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return neg ? -q : q;
}

/**
 * The figures behind a wire position: size in lots, mark in ticks, and PnL in 1e-8 quote units
 * (realized as booked; floating against the mark, rounded half-up; total their sum).
 */
export function positionFigures(book: OrderBook, p: Position | undefined) {
  const size = BigInt(p?.size ?? 0);
  const mark = markTicks(book);
  const realized = BigInt(p?.realized ?? 0);
  let floating = 0n;
  if (p && size !== 0n && mark !== null) {
    const [mn, md] = mark;
    const unit = book.instrument.pnlUnit;
    const n = BigInt(p.avgNum);
    const d = BigInt(p.avgDen);
    floating = roundDiv((mn * d - n * md) * size * BigInt(unit.num), md * d * BigInt(unit.den));
  }
  return { size, mark, realized, floating, total: realized + floating };
}

/** Converts a position (or a never-touched, flat one) to its wire object. */
export function toWirePosition(book: OrderBook, p: Position | undefined): WirePosition {
  const instrument = book.instrument;
  const { tick, contract } = instrument;
  const f = positionFigures(book, p);
  let sizeCurrency = "0";
  if (f.size !== 0n && f.mark !== null && f.mark[0] !== 0n) {
    const [mn, md] = f.mark;
    sizeCurrency = formatRatio(
      f.size * contract.units * md * pow10(tick.scale),
      mn * tick.units * pow10(contract.scale),
      8,
    );
  }
  const mark = formatMark(book);
  return {
    instrument_name: instrument.name,
    kind: "future",
    size: formatDecimal(f.size * contract.units, contract.scale),
    direction: f.size > 0n ? "buy" : f.size < 0n ? "sell" : "zero",
    size_currency: sizeCurrency,
    average_price: p && p.size !== 0 ? formatPriceRatio(instrument, p.avgNum, p.avgDen) : "0",
    realized_profit_loss: formatDecimal(f.realized, 8),
    floating_profit_loss: formatDecimal(f.floating, 8),
    total_profit_loss: formatDecimal(f.total, 8),
    mark_price: mark,
    index_price: mark,
    leverage: 50,
    delta: sizeCurrency,
    initial_margin: "0",
    maintenance_margin: "0",
    open_orders_margin: "0",
    settlement_price: mark,
  };
}
