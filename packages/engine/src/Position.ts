import type { Account } from "./Account.js";
import { addInt, divExactInt, gcdInt, type Int, mulDivRound, mulInt, subInt } from "./Int.js";
import type { Direction } from "./Order.js";
import type { OrderBook } from "./OrderBook.js";

/**
 * One account's position in one instrument. Size in signed lots; the average price is an exact
 * reduced rational `avgNum / avgDen` ticks: an increase re-weights it, a partial reduction leaves
 * it unchanged, a flip restarts it at the flip price. It stays on JS numbers while they are safe.
 */
export class Position {
  /** Signed size in lots (negative when short). */
  size = 0;
  // The exact figures live in number fields while they are safe integers, with a bigint beside
  // for the rare value beyond: a field that held both would box every number stored in it.
  private an = 0;
  private ad = 1;
  private re = 0;
  private anBig: bigint | null = null;
  private adBig: bigint | null = null;
  private reBig: bigint | null = null;
  /** The account's resting reduce-only orders in this instrument (seqs), oldest first. */
  readonly reduceOnly: number[] = [];

  constructor(
    readonly account: Account,
    readonly book: OrderBook,
  ) {}

  /** Average price numerator (ticks x avgDen). */
  get avgNum(): Int {
    return this.anBig ?? this.an;
  }

  set avgNum(v: Int) {
    if (typeof v === "number") {
      this.an = v;
      if (this.anBig !== null) this.anBig = null;
    } else {
      this.anBig = v;
    }
  }

  /** Average price denominator (> 0). */
  get avgDen(): Int {
    return this.adBig ?? this.ad;
  }

  set avgDen(v: Int) {
    if (typeof v === "number") {
      this.ad = v;
      if (this.adBig !== null) this.adBig = null;
    } else {
      this.adBig = v;
    }
  }

  /** Realized PnL in 1e-8 quote units: each reducing fill's share, rounded half-up, summed exactly. */
  get realized(): Int {
    return this.reBig ?? this.re;
  }

  set realized(v: Int) {
    if (typeof v === "number") {
      this.re = v;
      if (this.reBig !== null) this.reBig = null;
    } else {
      this.reBig = v;
    }
  }

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
      if (this.anBig === null && this.adBig === null) {
        const an = this.an;
        const ad = this.ad;
        // Non-negative terms: a sum that stays safe means every product was exact.
        const num = an * held + price * lots * ad;
        const den = ad * (held + lots);
        if (num <= Number.MAX_SAFE_INTEGER && den <= Number.MAX_SAFE_INTEGER) {
          const g = gcdInt(num, den) as number;
          this.an = g === 1 ? num : num / g;
          this.ad = g === 1 ? den : den / g;
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
