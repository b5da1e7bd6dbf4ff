import { expect, test } from "vitest";
import { DeadlineQueue } from "./DeadlineQueue.js";

test("expires entries in order after the timeout, skipping deleted ones", async () => {
  const expired: string[] = [];
  const queue = new DeadlineQueue<string>(40, (entry) => expired.push(entry));
  queue.add("a");
  queue.add("b");
  await new Promise((r) => setTimeout(r, 20));
  queue.add("c");
  queue.delete("b");
  await new Promise((r) => setTimeout(r, 30));
  expect(expired).toEqual(["a"]);
  await new Promise((r) => setTimeout(r, 30));
  expect(expired).toEqual(["a", "c"]);
  expect(queue.size).toBe(0);
});
