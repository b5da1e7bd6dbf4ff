import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defects } from "../testing/defects.js";
import { startBrokenReference, type TestServer } from "../testing/startBrokenReference.js";
import { runCli } from "./runCli.js";

let good: TestServer;
let wrongId: TestServer;
const dir = mkdtempSync(join(tmpdir(), "unwind-conformance-"));

beforeAll(async () => {
  good = await startBrokenReference();
  wrongId = await startBrokenReference(defects.find((d) => d.name === "wrong-id"));
});
afterAll(async () => {
  await good.close();
  await wrongId.close();
});

/** A port nothing listens on (it was free a moment ago). */
function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return runCli(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env }).then(
    (code) => ({
      code,
      out: out.join("\n"),
      err: err.join("\n"),
    }),
  );
}

const target = (s: TestServer) => [
  "--url",
  s.httpUrl,
  "--ws-url",
  s.wsUrl,
  "--maker-id",
  s.accounts.maker.id,
  "--maker-secret",
  s.accounts.maker.secret,
  "--taker-id",
  s.accounts.taker.id,
  "--taker-secret",
  s.accounts.taker.secret,
];

describe("unwind-conformance", () => {
  it("exits 0 when every selected check passes, with progress and a summary per method", async () => {
    const r = await cli([...target(good), "--only", "public-methods,envelope", "--seed", "7"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ http public-methods +10 passed/);
    expect(r.out).toMatch(/✓ ws {3}envelope/);
    expect(r.out).toMatch(
      /Summary per method:\n {2}method +passed failed expect skipped +p50 ms +p99 ms\n {2}\* \(protocol\)/,
    );
    expect(r.out).toMatch(
      /PASSED: \d+ passed, 0 failed, 0 expected failures, \d+ skipped, 0 stale baseline entries in [\d.]+ s \(seed 7\)/,
    );
  });

  it("takes the accounts from the environment", async () => {
    const a = good.accounts;
    const env = {
      UNWIND_MAKER_ID: a.maker.id,
      UNWIND_MAKER_SECRET: a.maker.secret,
      UNWIND_TAKER_ID: a.taker.id,
      UNWIND_TAKER_SECRET: a.taker.secret,
    };
    const r = await cli(
      ["--url", good.httpUrl, "--only", "close-no-position", "--transport", "http"],
      env,
    );
    expect(r.code).toBe(0);
  });

  it("exits 1 on a failed check, with the failing exchange; 0 when the baseline expects it; 1 again when the entry is stale", async () => {
    const failing = await cli([...target(wrongId), "--only", "envelope", "--transport", "http"]);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain("✗ [http] envelope › envelope-id");
    expect(failing.out).toMatch(
      /request: {2}POST http:\/\/127\.0\.0\.1:\d+\/api\/v2 \{"jsonrpc":"2.0","id":/,
    );
    const baseline = join(dir, "baseline.txt");
    writeFileSync(baseline, "# known: the proxy renumbers ids\nenvelope-id\n");
    const expected = await cli([
      ...target(wrongId),
      "--only",
      "envelope",
      "--transport",
      "http",
      "--baseline",
      baseline,
    ]);
    expect(expected.code).toBe(0);
    expect(expected.out).toContain("Expected failures (baseline): envelope-id@http");
    const stale = await cli([
      ...target(good),
      "--only",
      "envelope",
      "--transport",
      "http",
      "--baseline",
      baseline,
    ]);
    expect(stale.code).toBe(1);
    expect(stale.out).toContain(
      "Stale baseline entries (their checks pass now; remove them):\n  ✗ envelope-id",
    );
  });

  it("writes the JSON, JUnit and HTML reports", async () => {
    const paths = {
      json: join(dir, "r.json"),
      junit: join(dir, "r.xml"),
      html: join(dir, "r.html"),
    };
    const r = await cli([
      ...target(wrongId),
      "--only",
      "envelope",
      "--report",
      `json=${paths.json},junit=${paths.junit},html=${paths.html}`,
    ]);
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(paths.json, "utf8"));
    expect(json).toMatchObject({
      tool: "unwind-conformance",
      passed: false,
      transports: ["http", "ws"],
    });
    expect(
      json.results.find((x: { id: string; status: string }) => x.id === "envelope-id").status,
    ).toBe("failed");
    const xml = readFileSync(paths.junit, "utf8");
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="unwind-conformance" tests="\d+" failures="2"/,
    );
    expect(xml).toContain(
      '<testcase classname="unwind-conformance.*" name="envelope-id (http)" time="0"><failure message="id ',
    );
    expect(readFileSync(paths.html, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("exits 2 with a message on usage errors and unreachable servers", async () => {
    expect(await cli(["--only", "no-such-check", "--url", good.httpUrl])).toMatchObject({
      code: 2,
      err: "unwind-conformance: --only/--skip name no check or scenario: no-such-check (see --list)\nrun unwind-conformance --help for the options",
    });
    const missing = await cli(["--url", good.httpUrl, "--only", "close-no-position"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(
      "two trading accounts are needed (by close-no-position); missing --maker-id (UNWIND_MAKER_ID)",
    );
    const port = await freePort();
    const down = await cli(["--url", `http://127.0.0.1:${port}`, "--only", "public-methods"]);
    expect(down.code).toBe(2);
    expect(down.err).toBe(
      `unwind-conformance: server unreachable over HTTP: HTTP request to http://127.0.0.1:${port}/api/v2 failed: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    const baseline = join(dir, "bad-baseline.txt");
    writeFileSync(baseline, "not-a-check\n");
    expect(
      (await cli(["--url", good.httpUrl, "--baseline", baseline, "--only", "public-methods"])).err,
    ).toBe(`unwind-conformance: ${baseline} names no check or scenario: not-a-check (see --list)`);
  });

  it("lists every check with its spec reference", async () => {
    const r = await cli(["--list"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ checks:/);
    expect(r.out).toContain(
      "close-no-position  [private/close_position]\n    Closing a flat position answers 11030 other_reject with data.reason no_open_position\n    spec: private/close_position#/x-reject-reasons; openrpc.json#/components/errors/OtherReject (no_open_position)\n    scenarios: close-no-position",
    );
  });

  it("records fixtures from a server", async () => {
    const out = join(dir, "fixtures");
    const r = await cli(["record", "--out", out, ...target(good)]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, "private", "close_position", "close-long-with-price.io"))).toBe(
      true,
    );
    expect(readdirSync(join(out, "protocol")).sort()).toContain("batch.io");
  });

  it("starts the reference server itself when no --url is given", async () => {
    const r = await cli(["--only", "public-methods", "--transport", "http"]);
    expect(r.out).toContain(
      "no --url: starting the reference server (unwind-reference --port 0 --in-memory)",
    );
    expect(r.code).toBe(0);
  }, 30_000);
});
