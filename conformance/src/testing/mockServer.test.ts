import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/runCli.js";
import { runSuite } from "../core/runSuite.js";
import { startMockServer } from "./startMockServer.js";

let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer();
}, 30_000);
afterAll(() => mock.close());

const accounts = { maker: { id: "maker", secret: "m" }, taker: { id: "taker", secret: "t" } };

describe("a run against @open-rpc/mock-server serving our spec", () => {
  it("completes over HTTP and reports clearly what fails", async () => {
    const report = await runSuite({
      target: mock,
      accounts,
      transports: ["http"],
      seed: 1,
      timeoutMs: 1500,
      propertyRuns: 5,
    });
    const failed = (id: string) => report.results.find((r) => r.id === id && r.status === "failed");
    // No envelope timestamps, no authentication, generated results that list no BTC-PERPETUAL.
    expect(failed("envelope-timestamps")?.details).toMatch(
      /^usIn undefined, usOut undefined: not both integers/,
    );
    expect(failed("auth-required")?.details).toMatch(/^expected error 10000, got result/);
    expect(failed("protocol-batch")?.details).toMatch(/^expected error -32600, got HTTP 200 \[/);
    expect(failed("close-order-shape")?.details).toMatch(
      /^not reached: public\/get_instruments does not list BTC-PERPETUAL/,
    );
    expect(failed("error-invalid-params-data")?.details).toMatch(/^data is \[\{"paramIndex"/);
    // Some things it does right.
    expect(report.results.find((r) => r.id === "public-test")?.status).toBe("passed");
    expect(report.results.filter((r) => r.status === "failed").length).toBeGreaterThan(50);
  }, 60_000);

  it("through the CLI: exit 2 when its WebSocket is unreachable, 1 over HTTP alone", async () => {
    const out: string[] = [];
    const io = { stdout: (l: string) => out.push(l), stderr: (l: string) => out.push(l), env: {} };
    const flags = [
      "--url",
      mock.httpUrl,
      "--maker-id",
      "m",
      "--maker-secret",
      "m",
      "--taker-id",
      "t",
      "--taker-secret",
      "t",
    ];
    expect(await runCli([...flags, "--only", "public-methods"], io)).toBe(2);
    expect(out.at(-1)).toMatch(
      /^unwind-conformance: server unreachable over WebSocket: .*\(pass --ws-url, or --transport http\)$/,
    );
    out.length = 0;
    expect(
      await runCli([...flags, "--transport", "http", "--only", "public-methods,envelope"], io),
    ).toBe(1);
    expect(out.join("\n")).toMatch(/FAILED: \d+ passed, \d+ failed/);
    expect(out.join("\n")).toContain("✗ [http] envelope › envelope-timestamps");
  }, 60_000);
});
