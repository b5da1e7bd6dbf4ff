import type { OpenOrders } from "./OpenOrders.js";
import type { Direction } from "./OrderVocabulary.js";
import { PriceLevel } from "./PriceLevel.js";

/**
 * One side of a book: price levels in a sorted array, worst first and best last, so the best
 * level is `levels[length - 1]` and removing it is a pop; a map finds a level by price. Orders
 * are seqs of the engine's order store.
 */
export class Side {
  readonly levels: PriceLevel[] = [];
  /** Changes so far (order added, removed, filled or cut): the book's change_id sums both sides. */
  version = 0;
  private readonly byPrice = new Map<number, PriceLevel>();
  /** +1 for bids (higher is better), -1 for asks (lower is better). */
  private readonly sign: number;

  constructor(
    readonly direction: Direction,
    readonly store: OpenOrders,
  ) {
    this.sign = direction === "buy" ? 1 : -1;
  }

  /** The best level, if any. */
  best(): PriceLevel | undefined {
    return this.levels[this.levels.length - 1];
  }

  /** Whether a limit price in ticks reaches a level of this side (a buy at `price` crossing asks, ...). */
  crosses(limit: number, level: PriceLevel): boolean {
    return this.sign > 0 ? level.price >= limit : level.price <= limit;
  }

  /** Adds open order `seq` at the back of its price level, creating the level if needed. */
  add(seq: number, price: number, open: number): void {
    this.version++;
    let level = this.byPrice.get(price);
    if (level === undefined) {
      level = new PriceLevel(price);
      this.byPrice.set(price, level);
      this.insertLevel(level);
    }
    level.append(seq, open);
  }

  /** Accounts for a resting order at `price` with `open` lots that was just closed (not filled at the head). */
  remove(price: number, open: number): void {
    this.version++;
    const level = this.byPrice.get(price)!;
    level.drop(this.store, open);
    if (level.count === 0) this.removeLevel(level);
  }

  /** Takes the filled head order of `level` (just closed) out of it; an empty level goes. */
  shift(level: PriceLevel, open: number): void {
    this.version++;
    level.shift(this.store, open);
    if (level.count === 0) this.removeLevel(level);
  }

  /** Accounts for `lots` of a resting order at `price` being filled or cut. */
  reduce(price: number, lots: number): void {
    this.version++;
    this.byPrice.get(price)!.total -= lots;
  }

  /** The open lots resting at `price` (0 when no level is there). */
  totalAt(price: number): number {
    return this.byPrice.get(price)?.total ?? 0;
  }

  /** Number of resting orders. */
  orderCount(): number {
    let n = 0;
    for (const l of this.levels) n += l.count;
    return n;
  }

  private insertLevel(level: PriceLevel): void {
    const levels = this.levels;
    const n = levels.length;
    if (n === 0 || levels[n - 1]!.price * this.sign < level.price * this.sign) levels.push(level);
    else levels.splice(this.indexOf(level.price), 0, level);
  }

  private removeLevel(level: PriceLevel): void {
    this.byPrice.delete(level.price);
    const levels = this.levels;
    if (levels[levels.length - 1] === level) levels.pop();
    else levels.splice(this.indexOf(level.price), 1);
  }

  /** Where a level at `price` stands or would stand in `levels` (worst first): a binary search. */
  private indexOf(price: number): number {
    const levels = this.levels;
    const key = price * this.sign;
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (levels[mid]!.price * this.sign < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
