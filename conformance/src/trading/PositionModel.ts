import { dec, formatDec } from "../core/decimal.js";

/** An exact rational `n / d` (d > 0). */
interface Ratio {
  n: bigint;
  d: bigint;
}

const ratio = (text: string): Ratio => {
  const x = dec(text);
  return { n: x.units, d: 10n ** BigInt(x.scale) };
};
const add = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const sub = (a: Ratio, b: Ratio): Ratio => add(a, { n: -b.n, d: b.d });
const mul = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.n, d: a.d * b.d });
const div = (a: Ratio, b: Ratio): Ratio =>
  b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
const ZERO: Ratio = { n: 0n, d: 1n };

/** Floor division of bigints (rounds toward minus infinity). */
const floorDiv = (a: bigint, b: bigint) => (a % b !== 0n && a < 0n !== b < 0n ? a / b - 1n : a / b);

/** The spec's printed form: rounded half-up to 8 decimal places, trailing zeros removed. */
function print(r: Ratio): string {
  return formatDec({ units: floorDiv(2n * r.n * 10n ** 8n + r.d, 2n * r.d), scale: 8 });
}

/**
 * One account's position in one instrument as the spec defines it (Position's `size`,
 * `average_price`, `realized_profit_loss`), kept exactly from the fills the suite made: the
 * expectation the bookkeeping checks compare the server's figures with.
 */
export class PositionModel {
  private size: Ratio;
  private average: Ratio;
  private realized: Ratio = ZERO;

  /** From a position of `size` at `average` (flat by default); realized counts from here. */
  constructor(size = "0", average = "0") {
    this.size = ratio(size);
    this.average = ratio(size === "0" ? "0" : average);
  }

  /** Applies a fill of `amount` in `direction` at `price` (decimal strings). */
  fill(direction: "buy" | "sell", amount: string, price: string): void {
    const q = ratio(amount);
    const p = ratio(price);
    const delta = direction === "buy" ? q : { n: -q.n, d: q.d };
    const held = { n: this.size.n < 0n ? -this.size.n : this.size.n, d: this.size.d };
    if (this.size.n === 0n) {
      this.average = p;
    } else if (this.size.n > 0n === delta.n > 0n) {
      // Growing: the volume-weighted price of the trades that built the position.
      this.average = div(add(mul(this.average, held), mul(p, q)), add(held, q));
    } else {
      // Reducing: `(p - average) * q` closing a long, `(average - p) * q` closing a short.
      const closed = sub(q, held).n > 0n ? held : q;
      const edge = this.size.n > 0n ? sub(p, this.average) : sub(this.average, p);
      this.realized = add(this.realized, mul(edge, closed));
      const rest = sub(q, held);
      if (rest.n > 0n) this.average = p;
      else if (rest.n === 0n) this.average = ZERO;
    }
    this.size = add(this.size, delta);
  }

  /** The signed size, printed. */
  get sizeText(): string {
    return print(this.size);
  }

  /** The average price, printed (`"0"` when flat). */
  get averageText(): string {
    return print(this.average);
  }

  /** What the fills so far realized, printed. */
  get realizedText(): string {
    return print(this.realized);
  }
}
