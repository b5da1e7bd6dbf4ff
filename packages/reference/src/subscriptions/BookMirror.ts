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
  /**
   * Changes made but not yet published (their commands are not durable yet), as what each
   * changed level held before: `[side (0 bids, 1 asks), price, lots before]`.
   */
  private unpublished: [number, number, number][][] = [];
  /** `prev_change_id` of the first unpublished change. */
  private unpublishedFrom = 0;
  /** Whether the mirror follows the book (set by a snapshot, cleared by `drop`). */
  live = false;

  constructor(readonly book: OrderBook) {}

  /**
   * The whole book as a snapshot (every level `new`); the mirror follows the book from here.
   * With changes still unpublished (a subscriber that arrives while a command awaits the
   * journal), the snapshot is the book before them: those changes reach the new subscriber
   * next, and chain from the snapshot's `change_id`.
   */
  snapshot(timestamp: number): BookChange {
    const book = this.book;
    if (this.live && this.unpublished.length > 0) return this.snapshotBefore(timestamp);
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
    const undo: [number, number, number][] = [];
    if (this.unpublished.length === 0) this.unpublishedFrom = prev;
    this.unpublished.push(undo);
    return {
      type: "change",
      timestamp,
      instrument_name: book.instrument.name,
      change_id: id,
      prev_change_id: prev,
      bids: this.diff(book.bids, this.bids, touchedBids, -1, undo),
      asks: this.diff(book.asks, this.asks, touchedAsks, 1, undo),
    };
  }

  /** Whether changes were made that are not published yet. */
  get unpublishedChanges(): boolean {
    return this.unpublished.length > 0;
  }

  /** The changes made so far are published. */
  published(): void {
    if (this.unpublished.length > 0) this.unpublished = [];
  }

  /**
   * What the mirror last told, as a snapshot (`change_id` the last change sent), for a subscriber
   * that joins others between two messages; the book itself when the mirror is not live.
   */
  told(timestamp: number): BookChange {
    if (!this.live) return this.snapshot(timestamp);
    return this.levelsSnapshot(timestamp, this.bids, this.asks, this.lastChangeId);
  }

  private snapshotBefore(timestamp: number): BookChange {
    const sides = [new Map(this.bids), new Map(this.asks)] as const;
    for (let i = this.unpublished.length - 1; i >= 0; i--) {
      for (const [side, price, was] of this.unpublished[i]!) {
        if (was === 0) sides[side].delete(price);
        else sides[side].set(price, was);
      }
    }
    return this.levelsSnapshot(timestamp, sides[0], sides[1], this.unpublishedFrom);
  }

  /** A snapshot of the given levels (lots per price), best first. */
  private levelsSnapshot(
    timestamp: number,
    bids: Map<number, number>,
    asks: Map<number, number>,
    changeId: number,
  ): BookChange {
    const instrument = this.book.instrument;
    const levels = (m: Map<number, number>, order: number): BookLevelChange[] =>
      [...m]
        .sort((a, b) => (a[0] - b[0]) * order)
        .map(([price, lots]) => [
          "new",
          formatPrice(instrument, price),
          formatAmount(instrument, lots),
        ]);
    return {
      type: "snapshot",
      timestamp,
      instrument_name: instrument.name,
      change_id: changeId,
      bids: levels(bids, -1),
      asks: levels(asks, 1),
    };
  }

  /** Nobody listens any more: forget the levels (the next subscriber's snapshot rebuilds them). */
  drop(): void {
    this.live = false;
    this.unpublished = [];
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
    undo: [number, number, number][],
  ): BookLevelChange[] {
    if (touched.size === 0) return [];
    const instrument = this.book.instrument;
    const prices = [...touched].sort((a, b) => (a - b) * order);
    const out: BookLevelChange[] = [];
    for (const price of prices) {
      const now = side.totalAt(price);
      const was = mirror.get(price) ?? 0;
      if (now === was) continue;
      undo.push([order === 1 ? 1 : 0, price, was]);
      if (now === 0) mirror.delete(price);
      else mirror.set(price, now);
      const action = was === 0 ? "new" : now === 0 ? "delete" : "change";
      out.push([action, formatPrice(instrument, price), formatAmount(instrument, now)]);
    }
    return out;
  }
}
