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
    const n = this.count++;
    if (this.base >= 0) {
      const v = this.base + n;
      if (Number.isSafeInteger(v)) return String(v);
    }
    return (this.big + BigInt(n)).toString();
  }
}
