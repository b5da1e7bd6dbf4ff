import { describe, expect, test, vi } from "vitest";

// Spies around the real functions: a lookup must run the same steps whether its handle exists.
vi.mock("node:crypto", async (original) => {
  const crypto = await original<typeof import("node:crypto")>();
  return { ...crypto, timingSafeEqual: vi.fn(crypto.timingSafeEqual) };
});
vi.mock("./lookupKey.js", async (original) => {
  const module = await original<typeof import("./lookupKey.js")>();
  return { lookupKey: vi.fn(module.lookupKey) };
});

const { timingSafeEqual } = await import("node:crypto");
const { lookupKey } = await import("./lookupKey.js");
const { TokenStore } = await import("./TokenStore.js");

const t = 1_700_000_000_000;
const lifetimes = { accessTtlSeconds: 900, refreshTtlSeconds: 86_400 };

describe("the per-key token cap", () => {
  test("the next login past the cap revokes the oldest pair, access and refresh token alike", () => {
    const store = new TokenStore({ ...lifetimes, maxTokensPerKey: 3 });
    const pairs = [1, 2, 3].map(() => store.issue("alice", 101, "trade:read_write", t));
    const first = store.resolve(pairs[0]!.access_token, t);
    expect(first).toMatchObject({ accountId: 101, clientId: "alice", revoked: false });
    const other = store.issue("bob", 102, "trade:read_write", t);
    store.issue("alice", 101, "trade:read_write", t);
    expect(store.resolve(pairs[0]!.access_token, t)).toBeUndefined();
    expect(store.refresh(pairs[0]!.refresh_token, t)).toBeUndefined();
    // A grant read before the revocation sees it (a WebSocket authenticated with it drops it).
    expect((first as { revoked: boolean }).revoked).toBe(true);
    for (const pair of pairs.slice(1)) {
      expect(store.resolve(pair.access_token, t)).toMatchObject({ revoked: false });
    }
    // Another key's tokens do not count against alice's.
    expect(store.resolve(other.access_token, t)).toMatchObject({ accountId: 102 });
  });

  test("a refreshed pair still counts while its access token lives; a refresh chain stays capped", () => {
    const store = new TokenStore({ ...lifetimes, maxTokensPerKey: 2 });
    const a = store.issue("k", 1, "trade:read", t);
    const b = store.refresh(a.refresh_token, t) as { access_token: string; refresh_token: string };
    expect(store.resolve(a.access_token, t)).toMatchObject({ scope: "trade:read" });
    const c = store.refresh(b.refresh_token, t) as { access_token: string };
    // Three pairs issued, two allowed: a's access token (its refresh token was used) went first.
    expect(store.resolve(a.access_token, t)).toBeUndefined();
    expect(store.resolve(b.access_token, t)).toMatchObject({ scope: "trade:read" });
    expect(store.resolve(c.access_token, t)).toMatchObject({ scope: "trade:read" });
    expect(store.size).toBe(3);
  });

  test("memory stays bounded however often a key logs in", () => {
    const store = new TokenStore(lifetimes);
    for (let i = 0; i < 2_000; i++) store.issue("alice-readonly", 101, "trade:read", t + i);
    // 32 pairs by default: 32 access and 32 refresh tokens.
    expect(store.size).toBe(64);
  });

  test("refuses a cap that is not a positive integer", () => {
    expect(() => new TokenStore({ ...lifetimes, maxTokensPerKey: 0 })).toThrow(
      "could not cap tokens per key at 0. Expected an integer >= 1",
    );
  });
});

describe("token lookup", () => {
  test("runs the same keyed hash and constant-time comparison whether the handle exists or not", () => {
    const store = new TokenStore(lifetimes);
    const issued = store.issue("alice", 101, "trade:read_write", t);
    const [issuedAt, handle, secret] = issued.access_token.split(".") as [string, string, string];
    const wrongSecret = `${issuedAt}.${handle}.${"A".repeat(secret.length)}`;
    const unknownHandle = `${issuedAt}.${"Z".repeat(handle.length)}.${secret}`;
    const calls = (token: string) => {
      vi.mocked(lookupKey).mockClear();
      vi.mocked(timingSafeEqual).mockClear();
      const answer = store.resolve(token, t);
      return {
        answer: answer === undefined ? "none" : "grant",
        lookups: vi.mocked(lookupKey).mock.calls.length,
        comparisons: vi
          .mocked(timingSafeEqual)
          .mock.calls.map(([a, b]) => [a.byteLength, b.byteLength]),
      };
    };
    const same = { answer: "none", lookups: 1, comparisons: [[32, 32]] };
    expect(calls(wrongSecret)).toEqual(same);
    expect(calls(unknownHandle)).toEqual(same);
    expect(calls("not-a-token")).toEqual(same);
    expect(calls(issued.access_token)).toEqual({ ...same, answer: "grant" });
  });
});
