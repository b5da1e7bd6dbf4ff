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

  /**
   * The sequence number of an id (from 1), or 0 when the string is not one this sequence issues
   * (not canonical digits, or below the start). Parses without allocating.
   */
  seqOf(id: string): number {
    const len = id.length;
    if (len === 0 || (len > 1 && id.charCodeAt(0) === 48)) return 0;
    let n = 0;
    for (let i = 0; i < len; i++) {
      const c = id.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return 0;
      n = n * 10 + c;
    }
    if (this.base >= 0 && len < 16) return n >= this.base ? n - this.base + 1 : 0;
    const d = BigInt(id) - this.big;
    return d >= 0n && d < BigInt(Number.MAX_SAFE_INTEGER) ? Number(d) + 1 : 0;
  }
}
