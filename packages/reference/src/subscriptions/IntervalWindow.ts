import type { OrderBook } from "@unwind/engine";
import { BookMirror } from "./BookMirror.js";
import type { PublicTrade } from "./toPublicTrade.js";

/**
 * One instrument's `100ms` channels between two messages: the book levels touched since the
 * last `book.{instrument}.100ms` message (told against a mirror of its own, so a level back at
 * its old amount is not listed) and the trades since the last `trades.{instrument}.100ms` one.
 */
export class IntervalWindow {
  /** What `book.{instrument}.100ms` last told (live while someone listens). */
  readonly mirror: BookMirror;
  readonly bids = new Set<number>();
  readonly asks = new Set<number>();
  trades: PublicTrade[] = [];
  /** When the window's first item came (the feed's clock, ms); undefined: the window is empty. */
  startedAt: number | undefined = undefined;

  constructor(book: OrderBook) {
    this.mirror = new BookMirror(book);
  }

  /** A level of the book was touched (the window starts at `now` if it was empty). */
  touch(sell: boolean, price: number, now: number): void {
    (sell ? this.asks : this.bids).add(price);
    this.startedAt ??= now;
  }

  /** A trade for `trades.{instrument}.100ms`. */
  trade(trade: PublicTrade, now: number): void {
    this.trades.push(trade);
    this.startedAt ??= now;
  }

  /** Nobody listens to the book any more: forget its levels and touches. */
  dropBook(): void {
    this.mirror.drop();
    this.bids.clear();
    this.asks.clear();
  }

  /** Empties the window (after its messages were made). */
  clear(): void {
    this.bids.clear();
    this.asks.clear();
    this.trades = [];
    this.startedAt = undefined;
  }
}
