import { formatAmount, formatPrice, type OrderBook, type Side } from "@unwind/engine";

/** `[action, price, amount]`, decimals as `public/get_order_book` writes them. */
export type BookLevelChange = ["new" | "change" | "delete", string, string];

/** The `book.{instrument}.raw` data. */
export interface BookChange {
  type: "snapshot" | "change";
  timestamp: number;
  instrument_name: string;
  change_id: number;
  prev_change_id?: number;
  bids: BookLevelChange[];
  asks: BookLevelChange[];
}

/**
 * What the subscribers of one book were last told: open lots per price and side, and the last
 * change id sent. A change lists the touched levels whose total differs from the mirror; a
 * snapshot rebuilds the mirror from the book. Kept only while someone listens ({@link drop}).
 */
export class BookMirror {
  private readonly bids = new Map<number, number>();
  private readonly asks = new Map<number, number>();
  private lastChangeId = 0;
  /** Whether the mirror follows the book (set by a snapshot, cleared by `drop`). */
  live = false;

  constructor(readonly book: OrderBook) {}

  /** The whole book as a snapshot (every level `new`); the mirror follows the book from here. */
  snapshot(timestamp: number): BookChange {
    const book = this.book;
    this.live = true;
    this.lastChangeId = book.changeId;
    return {
      type: "snapshot",
      timestamp,
      instrument_name: book.instrument.name,
      change_id: book.changeId,
      bids: this.fill(book.bids, this.bids),
      asks: this.fill(book.asks, this.asks),
    };
  }

  /**
   * The change since the last message, over the touched prices of each side; undefined when the
   * book's change id did not move (nothing to tell).
   */
  change(
    timestamp: number,
    touchedBids: Set<number>,
    touchedAsks: Set<number>,
  ): BookChange | undefined {
    const book = this.book;
    const id = book.changeId;
    if (id === this.lastChangeId) return undefined;
    const prev = this.lastChangeId;
    this.lastChangeId = id;
    return {
      type: "change",
      timestamp,
      instrument_name: book.instrument.name,
      change_id: id,
      prev_change_id: prev,
      bids: this.diff(book.bids, this.bids, touchedBids, -1),
      asks: this.diff(book.asks, this.asks, touchedAsks, 1),
    };
  }

  /** Nobody listens any more: forget the levels (the next subscriber's snapshot rebuilds them). */
  drop(): void {
    this.live = false;
    this.bids.clear();
    this.asks.clear();
  }

  private fill(side: Side, mirror: Map<number, number>): BookLevelChange[] {
    mirror.clear();
    const out: BookLevelChange[] = [];
    const instrument = this.book.instrument;
    for (let i = side.levels.length - 1; i >= 0; i--) {
      const l = side.levels[i]!;
      mirror.set(l.price, l.total);
      out.push(["new", formatPrice(instrument, l.price), formatAmount(instrument, l.total)]);
    }
    return out;
  }

  /** `order` 1 sorts prices up (asks, best first), -1 down (bids). */
  private diff(
    side: Side,
    mirror: Map<number, number>,
    touched: Set<number>,
    order: number,
  ): BookLevelChange[] {
    if (touched.size === 0) return [];
    const instrument = this.book.instrument;
    const prices = [...touched].sort((a, b) => (a - b) * order);
    const out: BookLevelChange[] = [];
    for (const price of prices) {
      const now = side.totalAt(price);
      const was = mirror.get(price) ?? 0;
      if (now === was) continue;
      if (now === 0) mirror.delete(price);
      else mirror.set(price, now);
      const action = was === 0 ? "new" : now === 0 ? "delete" : "change";
      out.push([action, formatPrice(instrument, price), formatAmount(instrument, now)]);
    }
    return out;
  }
}
