import { afterAll, describe, expect, it } from "vitest";
import { runSuite } from "../core/runSuite.js";
import type { BenignServer } from "./benign.js";
import { moreBenignServers } from "./moreBenign.js";
import { startBrokenReference, type TestServer } from "./startBrokenReference.js";

/**
 * Registers one concurrent test per benign server: the whole suite over both transports, with no
 * failure and more than 50 passes on each. The servers of `moreBenign.ts` run with 5 generated
 * requests per property instead of 20: they differ in configuration and on the wire, which the
 * first few requests of each property already cross.
 *
 * @example
 * describeBenign("each benign server passes the whole suite", benignServers);
 */
export function describeBenign(title: string, list: readonly BenignServer[]): void {
  const servers: TestServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  // Concurrent: most of a run is waiting (the token-expiry check sleeps 1.5 s per transport).
  describe(title, () => {
    it.concurrent.each(list.map((b) => [b.name, b] as const))(
      "%s",
      async (_, benign) => {
        const server = await startBrokenReference(benign);
        servers.push(server);
        const report = await runSuite({
          target: server,
          accounts: server.accounts,
          seed: 1,
          ...(moreBenignServers.includes(benign) ? { propertyRuns: 5 } : {}),
        });
        const failed = report.results.filter((r) => r.status === "failed");
        expect(failed.map((r) => `${r.transport} ${r.scenario} ${r.id}: ${r.details}`)).toEqual([]);
        for (const transport of ["http", "ws"] as const) {
          const passed = report.results.filter(
            (r) => r.transport === transport && r.status === "passed",
          );
          expect(passed.length, transport).toBeGreaterThan(50);
        }
      },
      // A safety net, not a measure: several whole-suite runs at once, each about 5 s alone; a
      // busy machine (the first batch also compiles everything) took 63 s, and over 120 s while
      // two other full test runs shared the 2 cores.
      300_000,
    );
  });
}
