import type { Account } from "./Account.js";
import { addInt, type Int, mulDivRound, mulInt, subInt } from "./Int.js";
import type { Direction, Order } from "./Order.js";
import type { OrderBook } from "./OrderBook.js";

/**
 * One account's position in one instrument. Size in signed lots; the average price is kept as
 * `cost / volume` over the trades that built the current position (a partial reduction leaves
 * both as they are, a flip restarts them), so it is exact without division.
 */
export class Position {
  /** Signed size in lots (negative when short). */
  size = 0;
  /** Sum of price (ticks) x lots of the trades that built the position. */
  cost: Int = 0;
  /** Lots of the trades that built the position. */
  volume = 0;
  /** Realized PnL in 1e-8 quote units: each reducing fill's share, rounded half-up, summed exactly. */
  realized: Int = 0;
  /** The account's resting reduce-only orders in this instrument, oldest first. */
  readonly reduceOnly: Order[] = [];

  constructor(
    readonly account: Account,
    readonly book: OrderBook,
  ) {}

  /** Lots an order of `direction` may still reduce: |size| when it is on the other side, else 0. */
  reducible(direction: Direction): number {
    const s = this.size;
    return direction === "sell" ? Math.max(s, 0) : Math.max(-s, 0);
  }

  /** Applies a fill of `lots` in `direction` at `price` ticks. */
  fill(direction: Direction, lots: number, price: number): void {
    const delta = direction === "buy" ? lots : -lots;
    const size = this.size;
    if (size === 0 || size > 0 === delta > 0) {
      this.cost = addInt(this.cost, mulInt(price, lots));
      this.volume += lots;
      this.size = size + delta;
      return;
    }
    const held = size > 0 ? size : -size;
    const closed = Math.min(lots, held);
    // (price - cost/volume) x closed for a long, the opposite for a short, over the denominator volume.
    const edge = subInt(mulInt(price, this.volume), this.cost);
    const unit = this.book.instrument.pnlUnit;
    this.realized = addInt(
      this.realized,
      mulDivRound(
        mulInt(size > 0 ? edge : subInt(0, edge), closed),
        unit.num,
        mulInt(this.volume, unit.den),
      ),
    );
    this.size = size + delta;
    if (this.size === 0) {
      this.cost = 0;
      this.volume = 0;
    } else if (lots > held) {
      const rest = lots - held;
      this.cost = mulInt(price, rest);
      this.volume = rest;
    }
  }
}
