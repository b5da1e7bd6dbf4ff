import { describe, expect, test } from "vitest";
import { killLoop } from "./killLoop.js";

describe("kill-9-loop soak", () => {
  test("runs for about 2 s, loses no acknowledged order, and the last server still answers", async () => {
    const lines: string[] = [];
    const result = await killLoop({ durationMs: 2_000, log: (line) => lines.push(line) });
    expect(result.name).toBe("kill-9-loop");
    expect(result.notes.filter((n) => n.startsWith("stopped early"))).toEqual([]);
    expect(result.lostAcknowledged).toBe(0);
    // Some orders were acknowledged, so "none lost" says something (how many depends on the
    // machine's load: 65 in 2 s at load 6.5, thousands on a quiet one).
    expect(result.answered).toBeGreaterThan(0);
    expect(result.rssMaxBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(result.rssEndBytes).toBeGreaterThan(0);
    expect(result.rssEndBytes).toBeLessThanOrEqual(result.rssMaxBytes);
    expect(result.notes).toContain("public/test after the last restart: answered");
    expect(result.notes).toContain("the last server stopped on SIGTERM with exit code 0");
    expect(result.notes.join("\n")).toMatch(/^[1-9]\d* kills with SIGKILL/m);
    expect(lines.length).toBeGreaterThan(1);
  }, 60_000);
});
