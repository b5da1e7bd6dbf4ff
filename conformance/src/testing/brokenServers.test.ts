import { afterAll, describe, expect, it } from "vitest";
import { runSuite } from "../core/runSuite.js";
import { scenarios } from "../scenarios/index.js";
import { defects } from "./defects.js";
import { startBrokenReference, type TestServer } from "./startBrokenReference.js";
import type { Defect } from "./WireDefect.js";

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

describe("the reference server without defects", () => {
  it("passes every check over both transports", async () => {
    const server = await startBrokenReference();
    servers.push(server);
    const report = await runSuite({ target: server, accounts: server.accounts, seed: 1 });
    const failed = report.results.filter((r) => r.status === "failed");
    expect(failed.map((r) => `${r.transport} ${r.scenario} ${r.id}: ${r.details}`)).toEqual([]);
    const ws = report.results.filter((r) => r.transport === "ws" && r.status === "passed");
    expect(ws.length).toBeGreaterThan(50);
    // A safety net, not a measure: about 6 s alone; a clean-clone CI run, with every package's
    // tests and the benign servers' whole-suite runs sharing 2 cores, took over 30 s.
  }, 120_000);
});

/** Runs the scenarios that should see the defect and requires its check to fail, by the rule itself. */
async function expectCaught(defect: Defect): Promise<void> {
  const server = await startBrokenReference(defect);
  servers.push(server);
  const only =
    defect.scenarios ??
    [...scenarios.values()]
      .filter((s) => s.checks.some((c) => c.id === defect.caughtBy))
      .map((s) => s.name);
  const report = await runSuite({
    target: server,
    accounts: server.accounts,
    seed: 1,
    only,
    timeoutMs: 2000,
    slow: defect.slow === true,
  });
  for (const transport of report.transports) {
    const results = report.results.filter(
      (r) => r.id === defect.caughtBy && r.transport === transport,
    );
    if (results.every((r) => r.status === "skipped")) continue;
    expect(
      results.some((r) => r.status === "failed"),
      `${defect.caughtBy} over ${transport}: ${results.map((r) => `${r.status} ${r.details}`).join("; ")}`,
    ).toBe(true);
  }
  const caught = report.results.filter((r) => r.id === defect.caughtBy && r.status === "failed");
  expect(caught.length).toBeGreaterThan(0);
  // Caught by the rule itself, not because a setup step of the scenario broke.
  expect(caught.filter((r) => r.details.startsWith("not reached"))).toEqual([]);
}

describe("each broken server is caught by the check meant for it", () => {
  it.each(defects.filter((d) => !d.slow).map((d) => [d.name, d] as const))(
    "%s",
    (_, defect) => expectCaught(defect),
    30_000,
  );
  // The heartbeat waits in real time: two 10 s intervals before it gives up.
  it.each(defects.filter((d) => d.slow).map((d) => [d.name, d] as const))(
    "%s (slow)",
    (_, defect) => expectCaught(defect),
    90_000,
  );
});

describe("a server without Deribit's expires:N scope entry", () => {
  it("has auth-expired-token skipped with the reason, not failed, and without the wait", async () => {
    const server = await startBrokenReference({
      name: "ignores-expires",
      description: "public/auth ignores the scope entry expires:N",
      caughtBy: "auth-expired-token",
      wrapHandlers: (handlers) => ({
        ...handlers,
        "public/auth": (p, c) =>
          handlers["public/auth"]!(
            typeof p["scope"] === "string"
              ? { ...p, scope: p["scope"].replace(/expires:\S*/g, "") }
              : p,
            c,
          ),
      }),
    });
    servers.push(server);
    const report = await runSuite({
      target: server,
      accounts: server.accounts,
      seed: 1,
      only: ["auth-expired-token"],
    });
    const results = report.results.filter((r) => r.id === "auth-expired-token");
    expect(results.map((r) => [r.transport, r.status])).toEqual([
      ["http", "skipped"],
      ["ws", "skipped"],
    ]);
    expect(results[0]!.details).toMatch(
      /ignores the scope entry expires:1 \(it answered expires_in 900\)/,
    );
  }, 30_000);
});
