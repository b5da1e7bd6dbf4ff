import { expect, test } from "vitest";
import { tokenFlood } from "./tokenFlood.js";

// Runs against dist/cli.js: `pnpm build` first (the package's test script runs after it).
test("token-flood: guesses get throttled, right logins get in, the server still answers, memory is read", async () => {
  const lines: string[] = [];
  const result = await tokenFlood({ durationMs: 2_000, log: (line) => lines.push(line) });
  expect(result.name).toBe("token-flood");
  expect(result.answered).toBeGreaterThan(100);
  expect(result.rssMaxBytes).toBeGreaterThanOrEqual(result.rssEndBytes);
  expect(result.rssEndBytes).toBeGreaterThan(0);
  expect(result.lostAcknowledged).toBe(0);
  expect(result.notes).toHaveLength(5);
  expect(lines).toHaveLength(5);
  // Four guessing addresses with budgets of 30 and 1 a second: a few hundred guesses checked at most.
  const checked = Number(/wrong guesses checked \(13009\): (\d+)/.exec(result.notes[1]!)![1]);
  expect(checked).toBeLessThanOrEqual(4 * 30 + 4 * 3);
  expect(result.notes[2]).toMatch(/refused by the throttle: 0;/);
  // The server still answers afterwards, on a new connection from a throttled address.
  expect(result.notes[3]).toMatch(/^public\/test after the flood: answered in /);
});
