/** Reads what a {@link VarintWriter} wrote; throws on a truncated buffer. */
export class VarintReader {
  private i = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** Whether every byte was read. */
  done(): boolean {
    return this.i === this.bytes.length;
  }

  /** One raw byte. */
  byte(): number {
    if (this.i >= this.bytes.length) throw new Error("could not read varint: the data ends early");
    return this.bytes[this.i++]!;
  }

  /** A non-negative integer. */
  unsigned(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      v += (b & 127) * scale;
      if (b < 128) return v;
      scale *= 128;
    }
  }

  /** A value written by `VarintWriter.signed` with the same `base`. */
  signed(base = 0): number {
    const z = this.unsigned();
    if (z === 1) {
      const raw = new Uint8Array(8);
      for (let k = 0; k < 8; k++) raw[k] = this.byte();
      return new Float64Array(raw.buffer)[0]!;
    }
    return base + (z % 2 === 1 ? -(z - 1) / 2 : z / 2);
  }
}
