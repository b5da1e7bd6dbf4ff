import type { Account } from "./Account.js";
import { addInt, divExactInt, gcdInt, type Int, mulDivRound, mulInt, subInt } from "./Int.js";
import type { OrderBook } from "./OrderBook.js";
import type { Direction } from "./OrderVocabulary.js";

/**
 * One account's position in one instrument. Size in signed lots; the average price is an exact
 * rational `avgNum / avgDen` ticks (reduced by {@link Position.average}): an increase re-weights
 * it, a partial reduction leaves it unchanged, a flip restarts it at the flip price. It stays on
 * JS numbers while they are safe.
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

  /** Stops tracking resting reduce-only order `seq` (filled or cancelled). */
  forget(seq: number): void {
    const list = this.reduceOnly;
    const i = list.indexOf(seq);
    if (i >= 0) list.splice(i, 1);
  }

  /** Lots an order of `direction` may still reduce: |size| when it is on the other side, else 0. */
  reducible(direction: Direction): number {
    const s = this.size;
    return direction === "sell" ? Math.max(s, 0) : Math.max(-s, 0);
  }

  /**
   * The average price as a reduced fraction `[num, den]` of ticks. The fields may hold it
   * unreduced (cost over lots while the position only grew), which saves a gcd per fill.
   */
  average(): [Int, Int] {
    const num = this.avgNum;
    const den = this.avgDen;
    const g = gcdInt(num, den);
    return g === 1 || g === 0 ? [num, den] : [divExactInt(num, g), divExactInt(den, g)];
  }

  /** Starts a position of `lots` at `price`: the average is kept as cost over lots. */
  private open(price: number, lots: number): void {
    const cost = price * lots;
    if (cost <= Number.MAX_SAFE_INTEGER) {
      this.avgNum = cost;
      this.avgDen = lots;
    } else {
      this.avgNum = price;
      this.avgDen = 1;
    }
  }

  /**
   * Books the realized PnL of closing `closed` lots of a long (or short) at `price` when every
   * figure is a safe number (the common case, with no `Int` union in between); false otherwise.
   */
  private bookNumbers(long: boolean, price: number, closed: number): boolean {
    const unit = this.book.instrument.pnlUnit;
    if (this.anBig !== null || this.adBig !== null || this.reBig !== null) return false;
    if (typeof unit.num !== "number" || typeof unit.den !== "number") return false;
    const ad = this.ad;
    const scaled = price * ad;
    const edge = long ? scaled - this.an : this.an - scaled;
    const x = edge * closed;
    const d = ad * unit.den;
    if (!Number.isSafeInteger(scaled) || !Number.isSafeInteger(x) || !Number.isSafeInteger(d)) {
      return false;
    }
    const r = mulDivRound(x, unit.num, d);
    if (typeof r !== "number") return false;
    const sum = this.re + r;
    if (!Number.isSafeInteger(sum)) return false;
    this.re = sum;
    return true;
  }

  /** Applies a fill of `lots` in `direction` at `price` ticks. */
  fill(direction: Direction, lots: number, price: number): void {
    const size = this.size;
    const delta = direction === "buy" ? lots : -lots;
    const held = size < 0 ? -size : size;
    if (size === 0) {
      this.open(price, lots);
    } else if (size > 0 === delta > 0) {
      if (this.anBig === null && this.adBig === null) {
        const an = this.an;
        const ad = this.ad;
        if (ad === held) {
          // The average over `held` lots is `an / held`, so `an` is their cost and the new average
          // is a sum over a sum, with no gcd (it need not be reduced: see `average`).
          const num = an + price * lots;
          if (num <= Number.MAX_SAFE_INTEGER) {
            this.an = num;
            this.ad = held + lots;
            this.size = size + delta;
            return;
          }
        }
        // (avg x held + price x lots) / (held + lots), reduced.
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
      if (!this.bookNumbers(size > 0, price, closed)) {
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
      }
      if (lots > held) {
        this.open(price, lots - held);
      } else if (lots === held) {
        this.avgNum = 0;
        this.avgDen = 1;
      }
    }
    this.size = size + delta;
  }
}
