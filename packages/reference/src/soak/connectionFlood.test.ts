import { expect, it } from "vitest";
import { connectionFlood } from "./connectionFlood.js";

it("floods one address beyond its cap while another is served throughout, and stops by itself", async () => {
  const lines: string[] = [];
  // No idle closes within the run: on a loaded machine the flood must still reach the cap (with
  // a 1 s timeout, connections were closed idle faster than a busy flooder opened them).
  const result = await connectionFlood({
    durationMs: 3_000,
    idleSeconds: 30,
    log: (line) => lines.push(line),
  });
  expect(result.name).toBe("connection-flood");
  expect(result.lostAcknowledged).toBe(0);
  expect(result.answered).toBeGreaterThan(10);
  expect(result.rssMaxBytes).toBeGreaterThan(0);
  expect(result.rssEndBytes).toBeLessThanOrEqual(result.rssMaxBytes);
  // The default per-address cap (256) was reached, and refusals were answered with 429.
  const flood = /at most (\d+) at once[^)]*\), ([1-9]\d*) refused \(\2 x 429\)/.exec(
    result.notes[0]!,
  );
  expect(flood, result.notes[0]).not.toBeNull();
  expect(Number(flood![1])).toBeGreaterThanOrEqual(256);
  expect(result.notes).toContain("good client served throughout: yes");
  // The server still answers public/test once the flood stops, from both addresses.
  expect(result.notes).toContain(
    "after the flood: public/test answered from 127.0.0.1: yes, from 127.0.0.2: yes",
  );
  expect(lines.length).toBeGreaterThan(0);
}, 60_000);
