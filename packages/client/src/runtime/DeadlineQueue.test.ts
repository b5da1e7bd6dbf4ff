import { afterEach, expect, test, vi } from "vitest";
import { DeadlineQueue } from "./DeadlineQueue.js";

afterEach(() => {
  vi.useRealTimers();
});

test("expires entries in order after the timeout, skipping deleted ones", () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  const expired: string[] = [];
  const queue = new DeadlineQueue<string>(40, (entry) => expired.push(entry));
  queue.add("a");
  queue.add("b");
  vi.advanceTimersByTime(20);
  queue.add("c");
  queue.delete("b");
  vi.advanceTimersByTime(30);
  expect(expired).toEqual(["a"]);
  vi.advanceTimersByTime(30);
  expect(expired).toEqual(["a", "c"]);
  expect(queue.size).toBe(0);
});
