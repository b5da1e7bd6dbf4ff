import { describe, expect, it } from "vitest";
import { TokenBucket } from "./TokenBucket.js";

describe("TokenBucket", () => {
  it("allows a burst of `rate` requests, then refills at `rate` per second", () => {
    const bucket = new TokenBucket(5);
    const t = 1_000_000;
    const burst = Array.from({ length: 7 }, () => bucket.take(t));
    expect(burst).toEqual([true, true, true, true, true, false, false]);
    expect(bucket.take(t + 100)).toBe(false); // half a token
    expect(bucket.take(t + 200)).toBe(true); // one token after 200 ms
    expect(bucket.take(t + 200)).toBe(false);
    // A long pause fills it up to the burst, not beyond.
    const later = Array.from({ length: 6 }, () => bucket.take(t + 60_000));
    expect(later.filter(Boolean)).toHaveLength(5);
  });

  it("a rate below one per second still lets one request through, then waits", () => {
    const bucket = new TokenBucket(0.5);
    expect(bucket.take(0)).toBe(true);
    expect(bucket.take(1_000)).toBe(false);
    expect(bucket.take(2_000)).toBe(true);
  });

  it("a clock that steps back refills nothing and takes nothing extra", () => {
    const bucket = new TokenBucket(1);
    expect(bucket.take(10_000)).toBe(true);
    expect(bucket.take(5_000)).toBe(false);
    expect(bucket.take(11_000)).toBe(true);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => new TokenBucket(0)).toThrow("Expected > 0");
    expect(() => new TokenBucket(Number.NaN)).toThrow("Expected > 0");
  });
});
