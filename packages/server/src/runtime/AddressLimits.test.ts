import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { AddressLimits } from "./AddressLimits.js";

const from = (remoteAddress: string) => ({ socket: { remoteAddress } }) as IncomingMessage;

describe("AddressLimits", () => {
  it("gives each client address its own bucket", () => {
    const limits = new AddressLimits(1, () => 0);
    expect(limits.of(from("10.0.0.1"))).toBe(limits.of(from("10.0.0.1")));
    expect(limits.of(from("10.0.0.1"))).not.toBe(limits.of(from("10.0.0.2")));
    expect(limits.of(from("10.0.0.1")).take(0)).toBe(true);
    expect(limits.of(from("10.0.0.1")).take(0)).toBe(false);
    expect(limits.of(from("10.0.0.2")).take(0)).toBe(true);
  });

  it("drops buckets idle for a minute, by the clock it was given, as new addresses come", () => {
    let now = 1_000_000;
    const limits = new AddressLimits(1, () => now);
    limits.of(from("old")).take(now);
    now += 30_000;
    limits.of(from("recent")).take(now);
    now += 31_000; // "old" idle 61 s, "recent" 31 s
    // The 1,024th new bucket since the last sweep sweeps first: "old" goes, the rest stay.
    for (let i = 0; i < 1_022; i++) limits.of(from(`new-${i}`)).take(now);
    expect(limits.size).toBe(1_023);
    const old = limits.of(from("old"));
    expect(old.lastUsed).toBeNaN(); // a fresh bucket: the idle one was dropped
    expect(limits.of(from("recent")).lastUsed).toBe(1_030_000);
  });
});
