import type { Account } from "./Account.js";
import { addInt, divExactInt, gcdInt, type Int, mulDivRound, mulInt, subInt } from "./Int.js";
import type { Direction, Order } from "./Order.js";
import type { OrderBook } from "./OrderBook.js";

/**
 * One account's position in one instrument. Size in signed lots; the average price is an exact
 * reduced rational `avgNum / avgDen` ticks: an increase re-weights it, a partial reduction leaves
 * it unchanged, a flip restarts it at the flip price. It stays on JS numbers while they are safe.
 */
export class Position {
  /** Signed size in lots (negative when short). */
  size = 0;
  /** Average price numerator (ticks x avgDen). */
  avgNum: Int = 0;
  /** Average price denominator (> 0). */
  avgDen: Int = 1;
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
    const size = this.size;
    const delta = direction === "buy" ? lots : -lots;
    const held = size < 0 ? -size : size;
    if (size === 0) {
      this.avgNum = price;
      this.avgDen = 1;
    } else if (size > 0 === delta > 0) {
      // (avg x held + price x lots) / (held + lots), reduced.
      const an = this.avgNum;
      const ad = this.avgDen;
      if (typeof an === "number" && typeof ad === "number") {
        // Non-negative terms: a sum that stays safe means every product was exact.
        const num = an * held + price * lots * ad;
        const den = ad * (held + lots);
        if (num <= Number.MAX_SAFE_INTEGER && den <= Number.MAX_SAFE_INTEGER) {
          const g = gcdInt(num, den) as number;
          this.avgNum = num / g;
          this.avgDen = den / g;
          this.size = size + delta;
          return;
        }
      }
      const num = addInt(mulInt(this.avgNum, held), mulInt(mulInt(price, lots), this.avgDen));
      const den = mulInt(this.avgDen, held + lots);
      const g = gcdInt(num, den);
      this.avgNum = g === 1 ? num : divExactInt(num, g);
      this.avgDen = g === 1 ? den : divExactInt(den, g);
    } else {
      const closed = Math.min(lots, held);
      // (price - avg) x closed for a long, (avg - price) x closed for a short.
      const edge = subInt(mulInt(price, this.avgDen), this.avgNum);
      const unit = this.book.instrument.pnlUnit;
      this.realized = addInt(
        this.realized,
        mulDivRound(
          mulInt(size > 0 ? edge : subInt(0, edge), closed),
          unit.num,
          mulInt(this.avgDen, unit.den),
        ),
      );
      if (lots > held) {
        this.avgNum = price;
        this.avgDen = 1;
      } else if (lots === held) {
        this.avgNum = 0;
        this.avgDen = 1;
      }
    }
    this.size = size + delta;
  }
}
