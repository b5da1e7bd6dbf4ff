/**
 * A request rate limit: `rate` requests per second on average, with bursts of up to `rate` (at
 * least one). Tokens refill continuously from the clock the caller passes (ms), so tests can move
 * it. Starts full.
 */
export class TokenBucket {
  readonly rate: number;
  readonly #capacity: number;
  #tokens: number;
  /** The time of the last refill (ms); NaN before the first `take`. */
  #last = Number.NaN;

  constructor(rate: number) {
    if (!(rate > 0))
      throw new Error(`could not limit to ${rate} requests per second. Expected > 0`);
    this.rate = rate;
    this.#capacity = Math.max(1, rate);
    this.#tokens = this.#capacity;
  }

  /** Takes one token at `now` (ms since the epoch): false when the bucket is empty. */
  take(now: number): boolean {
    const last = this.#last;
    if (now > last) {
      this.#tokens = Math.min(this.#capacity, this.#tokens + ((now - last) * this.rate) / 1000);
    }
    if (!(now <= last)) this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** The time of the last request (ms), NaN when there was none. */
  get lastUsed(): number {
    return this.#last;
  }
}
