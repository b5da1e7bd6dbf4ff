import { describe, expect, test } from "vitest";
import { LoginThrottle } from "./LoginThrottle.js";

const t = 1_700_000_000_000;
const small = {
  perClientId: { burst: 3, perSecond: 1 },
  perAddress: { burst: 5, perSecond: 2 },
};

describe("LoginThrottle", () => {
  test("lets logins through until an address spends its failures, then says when to retry", () => {
    const throttle = new LoginThrottle(small);
    for (let i = 0; i < 5; i++) {
      expect(throttle.check(`id-${i}`, "10.0.0.1", t)).toBeUndefined();
      throttle.failed(`id-${i}`, "10.0.0.1", t);
    }
    expect(throttle.check("id-9", "10.0.0.1", t)).toEqual({
      reason: "too many failed logins from this address",
      retry_after_ms: 500,
    });
    // Another address is not affected; the same one is again once a failure has refilled.
    expect(throttle.check("id-9", "10.0.0.2", t)).toBeUndefined();
    expect(throttle.check("id-9", "10.0.0.1", t + 499)?.retry_after_ms).toBe(1);
    expect(throttle.check("id-9", "10.0.0.1", t + 500)).toBeUndefined();
    // A refresh token (no client id) is throttled by address alone.
    expect(throttle.check(undefined, "10.0.0.1", t)?.reason).toBe(
      "too many failed logins from this address",
    );
  });

  test("throttles a client id whose failures come from many addresses, for a short while", () => {
    const throttle = new LoginThrottle(small);
    throttle.failed("bob", "10.0.0.1", t);
    throttle.failed("bob", "10.0.0.2", t);
    throttle.failed("bob", "10.0.0.3", t);
    expect(throttle.check("bob", "10.0.0.4", t)).toEqual({
      reason: "too many failed logins for this client id",
      retry_after_ms: 1_000,
    });
    // Unknown and known client ids alike: the answer says nothing about which exist.
    expect(throttle.check("alice", "10.0.0.4", t)).toBeUndefined();
    expect(throttle.check("bob", "10.0.0.4", t + 1_000)).toBeUndefined();
  });

  test("an address that logged in with a client id is exempt from that id's budget, not its own", () => {
    const throttle = new LoginThrottle(small);
    throttle.succeeded("bob", "10.0.0.9", t);
    for (let i = 1; i <= 3; i++) throttle.failed("bob", `10.0.0.${i}`, t);
    expect(throttle.check("bob", "10.0.0.4", t)?.reason).toBe(
      "too many failed logins for this client id",
    );
    expect(throttle.check("bob", "10.0.0.9", t)).toBeUndefined();
    for (let i = 0; i < 5; i++) throttle.failed("bob", "10.0.0.9", t);
    expect(throttle.check("bob", "10.0.0.9", t)?.reason).toBe(
      "too many failed logins from this address",
    );
    // Those failures did not lengthen the others' wait past one interval.
    expect(throttle.check("bob", "10.0.0.4", t)?.retry_after_ms).toBe(1_000);
    // The exemption lapses after trustMs (24 h by default).
    const later = t + 86_400_000;
    for (let i = 1; i <= 3; i++) throttle.failed("bob", `10.0.0.${i}`, later);
    expect(throttle.check("bob", "10.0.0.9", later)?.reason).toBe(
      "too many failed logins for this client id",
    );
  });

  test("an IPv4-mapped IPv6 address is the IPv4 address", () => {
    const throttle = new LoginThrottle(small);
    for (let i = 0; i < 5; i++) throttle.failed(`id-${i}`, "::ffff:10.0.0.1", t);
    expect(throttle.check("x", "10.0.0.1", t)).toBeDefined();
  });

  test("memory stays bounded: refilled budgets are swept, and at most maxEntries are kept", () => {
    const throttle = new LoginThrottle({ ...small, maxEntries: 100 });
    for (let i = 0; i < 5_000; i++) throttle.failed(`id-${i}`, `10.${i >> 8}.0.${i & 255}`, t);
    expect(throttle.size).toBeLessThanOrEqual(200);
    // Everything refilled: the next sweep (every 1,024 failures) drops the lot.
    for (let i = 0; i < 1_024; i++) throttle.failed("x", "10.9.9.9", t + 10 * 60_000 + i * 1000);
    expect(throttle.size).toBeLessThanOrEqual(2);
  });

  test("refuses a rate it cannot use", () => {
    expect(() => new LoginThrottle({ perAddress: { burst: 0, perSecond: 1 } })).toThrow(
      'could not throttle logins at {"burst":0,"perSecond":1}. Expected burst >= 1 and perSecond > 0',
    );
  });
});
