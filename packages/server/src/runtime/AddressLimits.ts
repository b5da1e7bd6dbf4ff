import type { IncomingMessage } from "node:http";
import { TokenBucket } from "./TokenBucket.js";

/** Buckets idle this long are dropped (a full bucket and a missing one answer the same). */
const IDLE_MS = 60_000;

/**
 * One {@link TokenBucket} per HTTP client address: HTTP has no connection that outlives a request,
 * so the rate limit follows the address. Buckets idle for a minute are swept as new ones come.
 */
export class AddressLimits {
  readonly #rate: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, TokenBucket>();
  #createdSinceSweep = 0;

  /** `now` is the clock the buckets are taken with (the dispatcher's), ms since the epoch. */
  constructor(rate: number, now: () => number) {
    this.#rate = rate;
    this.#now = now;
  }

  /** The bucket of the request's client address. */
  of(req: IncomingMessage): TokenBucket {
    const address = req.socket.remoteAddress ?? "";
    let bucket = this.#buckets.get(address);
    if (bucket === undefined) {
      if (++this.#createdSinceSweep >= 1024) this.#sweep(this.#now());
      bucket = new TokenBucket(this.#rate);
      this.#buckets.set(address, bucket);
    }
    return bucket;
  }

  /** Number of addresses with a bucket. */
  get size(): number {
    return this.#buckets.size;
  }

  #sweep(now: number): void {
    this.#createdSinceSweep = 0;
    for (const [address, bucket] of this.#buckets) {
      if (!(bucket.lastUsed > now - IDLE_MS)) this.#buckets.delete(address);
    }
  }
}
