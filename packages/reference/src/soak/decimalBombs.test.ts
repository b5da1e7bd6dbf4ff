import { expect, test } from "vitest";
import { decimalBombs } from "./decimalBombs.js";

test("decimal bombs for 2 s: every bomb answered, public/test still prompt", async () => {
  const lines: string[] = [];
  const r = await decimalBombs({ durationMs: 2000, log: (line) => lines.push(line) });
  expect(r).toMatchObject({ name: "decimal-bombs", lostAcknowledged: 0 });
  // Each bomb is answered (0 unanswered, below); how many fit in 2 s depends on the machine's load.
  expect(r.answered).toBeGreaterThan(0);
  expect(r.rssMaxBytes).toBeGreaterThan(0);
  expect(r.rssEndBytes).toBeGreaterThan(0);
  expect(r.rssEndBytes).toBeLessThanOrEqual(r.rssMaxBytes);
  const [bombs, probe, after] = r.notes;
  expect(bombs).toMatch(
    /^bombs: \d+ answered \(.*-32602: \d+.*\), \d+ distinct precisions, 0 unanswered/,
  );
  expect(probe).toMatch(
    /^public\/test while bombed: p99 [\d.]+ ms, p50 [\d.]+ ms, max [\d.]+ ms over \d+ calls$/,
  );
  expect(after).toMatch(/^after the run, public\/test answered in [\d.]+ ms$/);
});
