import type { OrderBook } from "../OrderBook.js";
import type { Side } from "../Side.js";
import { formatAmount, formatMark, formatPrice } from "./format.js";

/** The result of public/get_order_book: levels as `[price, amount]` decimal-string pairs. */
export interface WireOrderBook {
  timestamp: number;
  instrument_name: string;
  state: "open";
  bids: [string, string][];
  asks: [string, string][];
  /** The book's version: grows every time the book changes. */
  change_id: number;
  best_bid_price: string | null;
  best_bid_amount: string;
  best_ask_price: string | null;
  best_ask_amount: string;
  /** The last trade's price; null before the first trade. */
  last_price: string | null;
  mark_price: string;
  index_price: string;
  settlement_price: string;
  open_interest: string;
}

function levels(book: OrderBook, side: Side, depth: number): [string, string][] {
  const out: [string, string][] = [];
  const ls = side.levels;
  for (let i = ls.length - 1; i >= 0 && out.length < depth; i--) {
    const l = ls[i]!;
    out.push([formatPrice(book.instrument, l.price), formatAmount(book.instrument, l.total)]);
  }
  return out;
}

/** Converts a book to its wire object, best levels first, `depth` per side. */
export function toWireOrderBook(
  book: OrderBook,
  depth: number,
  timestamp: number,
  openInterestLots: number,
): WireOrderBook {
  const bids = levels(book, book.bids, depth);
  const asks = levels(book, book.asks, depth);
  const mark = formatMark(book);
  return {
    timestamp,
    instrument_name: book.instrument.name,
    state: "open",
    change_id: book.changeId,
    bids,
    asks,
    best_bid_price: bids[0]?.[0] ?? null,
    best_bid_amount: bids[0]?.[1] ?? "0",
    best_ask_price: asks[0]?.[0] ?? null,
    best_ask_amount: asks[0]?.[1] ?? "0",
    last_price: book.lastPrice > 0 ? formatPrice(book.instrument, book.lastPrice) : null,
    mark_price: mark,
    index_price: mark,
    settlement_price: mark,
    open_interest: formatAmount(book.instrument, openInterestLots),
  };
}
