import { expect, test } from "vitest";
import { backoffDelay } from "./backoffDelay.js";

test("backoff doubles from the initial delay up to the maximum", () => {
  const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, { jitter: 0 }));
  expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
});

test("jitter spreads the delay by the given fraction", () => {
  expect(backoffDelay(1, { initialDelayMs: 1000 }, () => 0)).toBe(800);
  expect(backoffDelay(1, { initialDelayMs: 1000 }, () => 1)).toBe(1200);
});
