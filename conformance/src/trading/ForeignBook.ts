import { cmpDec, isDecimal } from "../core/decimal.js";
import type { Exchange } from "../driver/Exchange.js";

/** The book's price levels that are not the suite's own orders: other accounts' liquidity. */
export interface ForeignBook {
  /** Other accounts' bid prices, as the book lists them. */
  bids: string[];
  /** Other accounts' ask prices. */
  asks: string[];
  /** The get_order_book exchange they were read from. */
  exchange?: Exchange;
}

type Level = [unknown, unknown];

/**
 * The levels of a `get_order_book` result at prices where the suite's accounts have no open
 * order on that side (`ownBids`, `ownAsks`: the prices of their open buys and sells).
 */
export function foreignLevels(
  book: { bids?: unknown; asks?: unknown },
  own: { bids: readonly string[]; asks: readonly string[] },
  exchange: Exchange,
): ForeignBook {
  const pick = (levels: unknown, mine: readonly string[]) =>
    (Array.isArray(levels) ? (levels as Level[]) : [])
      .map((l) => (Array.isArray(l) ? l[0] : undefined))
      .filter((p): p is string => isDecimal(p))
      .filter((p) => !mine.some((m) => isDecimal(m) && cmpDec(m, p) === 0));
  return { bids: pick(book.bids, own.bids), asks: pick(book.asks, own.asks), exchange };
}
