import { expect, test } from "vitest";
import { NonceStore } from "./NonceStore.js";
import { TokenStore } from "./TokenStore.js";

test("a nonce is single-use per client id while its timestamp is in the window", () => {
  const nonces = new NonceStore();
  const t = 1_700_000_000_000;
  expect(nonces.use("a", "n", t + 60_000, t)).toBe(true);
  expect(nonces.use("a", "n", t + 60_000, t + 1)).toBe(false);
  expect(nonces.use("b", "n", t + 60_000, t + 1)).toBe(true);
  // Ids and nonces cannot be shifted into each other.
  expect(nonces.use("a", "bn", t + 60_000, t + 1)).toBe(true);
  expect(nonces.use("ab", "n", t + 60_000, t + 1)).toBe(true);
  expect(nonces.size).toBe(4);
  expect(nonces.use("c", "n", t + 70_000, t + 61_000)).toBe(true);
  expect(nonces.size).toBe(1);
  // A jump of the clock far ahead prunes by bucket, not second by second.
  expect(nonces.use("d", "n", t + 10 ** 12, t + 10 ** 12 - 1)).toBe(true);
  expect(nonces.size).toBe(1);
});

test("tokens resolve until they expire, then read expired; a refresh token works once", () => {
  const store = new TokenStore({ accessTtlSeconds: 10, refreshTtlSeconds: 100 });
  const t = 1_700_000_000_000;
  const issued = store.issue("k7", 7, "trade:read", t);
  expect(issued).toMatchObject({ token_type: "bearer", expires_in: 10, scope: "trade:read" });
  expect(issued.access_token).toMatch(/^1700000000000\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{43}$/);
  expect(store.resolve(issued.access_token, t + 9_999)).toMatchObject({ accountId: 7 });
  expect(store.resolve(issued.access_token, t + 10_000)).toBe("expired");
  expect(store.resolve(issued.access_token.slice(0, -1) + "x", t)).toBeUndefined();
  expect(store.resolve(issued.refresh_token, t)).toBeUndefined();
  const renewed = store.refresh(issued.refresh_token, t + 50_000);
  expect(renewed).toMatchObject({ scope: "trade:read" });
  expect(store.refresh(issued.refresh_token, t + 50_000)).toBeUndefined();
  expect(store.refresh((renewed as { refresh_token: string }).refresh_token, t + 150_001)).toBe(
    "expired",
  );
});

test("an expired token is remembered for an hour, then it is unknown", () => {
  const store = new TokenStore({ accessTtlSeconds: 10, refreshTtlSeconds: 100 });
  const t = 1_700_000_000_000;
  const old = store.issue("k7", 7, "trade:read", t).access_token;
  // Sweeps run every 1,024 issues.
  for (let i = 0; i < 1_024; i++) store.issue("k8", 8, "trade:read", t + 3_609_999);
  expect(store.resolve(old, t + 3_609_999)).toBe("expired");
  for (let i = 0; i < 1_024; i++) store.issue("k8", 8, "trade:read", t + 3_610_000);
  expect(store.resolve(old, t + 3_610_000)).toBeUndefined();
});
