import { expect, test } from "vitest";
import { mapConcurrent } from "./mapConcurrent.js";

test("keeps the order of the items and never runs more than the limit at once", async () => {
  let running = 0;
  let most = 0;
  const delays = [30, 5, 20, 1, 10, 2, 15];
  const out = await mapConcurrent(delays, 3, async (ms, i) => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, ms));
    running--;
    return `${i}:${ms}`;
  });
  expect(out).toEqual(delays.map((ms, i) => `${i}:${ms}`));
  expect(most).toBe(3);
});

test("a rejection rejects the whole; no items, no calls", async () => {
  await expect(
    mapConcurrent([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error("two");
      return n;
    }),
  ).rejects.toThrow("two");
  expect(await mapConcurrent([], 4, async () => 1)).toEqual([]);
});
