/** Above this magnitude (or for a non-integer) a signed value is written as a raw float64. */
const SIGNED_LIMIT = 2 ** 51;

/**
 * A growable byte buffer of LEB128 varints: small non-negative integers take one byte, so integer
 * columns (prices, amounts, timestamp deltas) encode compactly. Integers up to 2^53 - 1.
 */
export class VarintWriter {
  private bytes = new Uint8Array(1 << 16);
  private n = 0;

  /** Bytes written so far (a view, not a copy). */
  result(): Uint8Array {
    return this.bytes.subarray(0, this.n);
  }

  /** One raw byte. */
  byte(v: number): void {
    if (this.n === this.bytes.length) this.grow();
    this.bytes[this.n++] = v;
  }

  /** A non-negative safe integer. */
  unsigned(v: number): void {
    while (v >= 128) {
      this.byte((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    this.byte(v);
  }

  /**
   * Any number `v`, as its difference from `base` (`|d| * 2 + sign`) when both are integers and
   * the difference is small, else as 1 then `v` as a raw float64: exact either way.
   */
  signed(v: number, base = 0): void {
    const d = v - base;
    if (
      Number.isSafeInteger(v) &&
      Number.isSafeInteger(base) &&
      d < SIGNED_LIMIT &&
      d > -SIGNED_LIMIT
    ) {
      this.unsigned(d < 0 ? -d * 2 + 1 : d * 2);
      return;
    }
    this.byte(1);
    const f = new Float64Array([v]);
    for (const b of new Uint8Array(f.buffer)) this.byte(b);
  }

  private grow(): void {
    const next = new Uint8Array(this.bytes.length * 2);
    next.set(this.bytes);
    this.bytes = next;
  }
}
