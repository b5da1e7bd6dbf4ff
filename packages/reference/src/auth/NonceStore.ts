/**
 * The (client id, nonce) pairs already accepted, each kept until its timestamp leaves the
 * signature window (after that the timestamp check alone rejects a replay). Expiries are bucketed
 * by second so pruning costs what expires, never a sweep of everything.
 */
export class NonceStore {
  readonly #until = new Map<string, number>();
  readonly #buckets = new Map<number, string[]>();
  /** Every bucket before this second has been pruned. */
  #pruned = -1;

  /** Records the pair until `keepUntil` (ms) and returns true, or false when it is still recorded. */
  use(clientId: string, nonce: string, keepUntil: number, now: number): boolean {
    this.#prune(now);
    if (keepUntil < now) return true;
    const key = clientId.length + ":" + clientId + nonce;
    const until = this.#until.get(key);
    if (until !== undefined && until >= now) return false;
    this.#until.set(key, keepUntil);
    const second = Math.floor(keepUntil / 1000);
    const bucket = this.#buckets.get(second);
    if (bucket === undefined) this.#buckets.set(second, [key]);
    else bucket.push(key);
    return true;
  }

  /** Pairs currently recorded. */
  get size(): number {
    return this.#until.size;
  }

  #prune(now: number): void {
    const current = Math.floor(now / 1000);
    if (this.#pruned < 0) this.#pruned = current;
    if (current - this.#pruned > this.#buckets.size) {
      // A clock jump: visiting the buckets is cheaper than visiting every second.
      for (const second of [...this.#buckets.keys()]) if (second < current) this.#drop(second, now);
    } else {
      for (let s = this.#pruned; s < current; s++) this.#drop(s, now);
    }
    this.#pruned = Math.max(this.#pruned, current);
  }

  #drop(second: number, now: number): void {
    const keys = this.#buckets.get(second);
    if (keys === undefined) return;
    this.#buckets.delete(second);
    for (const key of keys) {
      const until = this.#until.get(key);
      if (until !== undefined && until < now) this.#until.delete(key);
    }
  }
}
