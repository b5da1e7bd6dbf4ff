/**
 * Increasing ids as decimal-digit strings from a configurable start ("1", "2", ... or a large base
 * like "39005203453841408"). Numbers while the sum is a safe integer, bigint beyond.
 */
export class IdSequence {
  /** How many ids were issued. */
  count = 0;
  private readonly base: number;
  private readonly big: bigint;

  constructor(readonly start: string) {
    if (!/^(0|[1-9][0-9]*)$/.test(start)) {
      throw new Error(`could not use id start ${JSON.stringify(start)}. Expected decimal digits`);
    }
    this.big = BigInt(start);
    this.base = Number.isSafeInteger(Number(start)) ? Number(start) : -1;
  }

  /** Issues the next id. */
  next(): string {
    return this.format(++this.count);
  }

  /** The id of the `seq`-th issue (from 1). */
  format(seq: number): string {
    if (this.base >= 0) {
      const v = this.base + (seq - 1);
      if (Number.isSafeInteger(v)) return String(v);
    }
    return (this.big + BigInt(seq - 1)).toString();
  }

  /** The sequence number an id would have (from 1), or 0 when it cannot be one of ours. */
  seqOf(id: string): number {
    if (this.base >= 0) {
      const n = Number(id);
      if (Number.isSafeInteger(n)) return n >= this.base ? n - this.base + 1 : 0;
    }
    if (!/^[0-9]+$/.test(id)) return 0;
    const d = BigInt(id) - this.big;
    return d >= 0n && d < BigInt(Number.MAX_SAFE_INTEGER) ? Number(d) + 1 : 0;
  }
}
