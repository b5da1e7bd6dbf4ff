import { afterAll, describe, expect, it } from "vitest";
import { runSuite } from "../core/runSuite.js";
import { benignServers } from "./benign.js";
import { describeBenign } from "./describeBenign.js";
import { startBrokenReference, type TestServer } from "./startBrokenReference.js";

// The other half of benignServers.test.ts's servers, in a worker of its own.
describeBenign(
  "each benign server passes the whole suite over both transports (second half)",
  benignServers.filter((_, i) => i % 2 === 1),
);

describe("a server that serves the raw interval only", () => {
  const servers: TestServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it("has the 100ms checks skipped with the reason, not failed", async () => {
    const rawOnly = benignServers.find((b) => b.name === "raw-only")!;
    const server = await startBrokenReference(rawOnly);
    servers.push(server);
    const report = await runSuite({
      target: server,
      accounts: server.accounts,
      seed: 1,
      only: ["subscriptions"],
      transports: ["ws"],
    });
    const results = report.results.filter((r) => /100ms/.test(r.id));
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ["book-100ms", "skipped"],
      ["book-100ms-aggregated", "skipped"],
      ["trades-100ms", "skipped"],
    ]);
    for (const r of results)
      expect(r.details).toMatch(/serves the raw interval only \(the spec allows it\).*-32602/);
    expect(report.results.filter((r) => r.status === "failed")).toEqual([]);
  }, 30_000);
});
