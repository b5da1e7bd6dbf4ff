import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getOrderState } from "@unwind/engine";
import { describe, expect, test } from "vitest";
import { startReferenceServer } from "./startReferenceServer.js";
import { BOB, basic, post } from "./testing/rpc.test-helpers.js";
import { spawnCli } from "./testing/spawnCli.test-helpers.js";

describe("unwind-reference", () => {
  test("prints one listening line with the real port, serves, and exits 0 on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "unwind-cli-"));
    const cli = spawnCli(["--port", "0", "--data-dir", dir]);
    const { url, wsUrl, line } = await cli.ready;
    expect(line).toMatch(
      /^listening http:\/\/127\.0\.0\.1:[1-9][0-9]* ws:\/\/127\.0\.0\.1:[0-9]+\/ws\/api\/v2\n$/,
    );
    expect(wsUrl).toBe(`${url.replace("http:", "ws:")}/ws/api/v2`);
    const placed = await post(
      url,
      "private/buy",
      { instrument_name: "ETH-PERPETUAL", amount: "1", price: "100" },
      basic(BOB),
    );
    const inFlight = post(
      url,
      "private/buy",
      { instrument_name: "ETH-PERPETUAL", amount: "2", price: "100" },
      basic(BOB),
    );
    // The server is another process: its journal growing is the sign that the second order reached
    // its handler (written, not yet fsynced and answered); SIGTERM comes then, not after a guess.
    const journalSize = () =>
      readdirSync(dir)
        .filter((name) => name.startsWith("journal-"))
        .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    const before = journalSize();
    const deadline = Date.now() + 10_000;
    while (journalSize() === before && Date.now() < deadline) {
      await new Promise((r) => setImmediate(r));
    }
    cli.child.kill("SIGTERM");
    expect((await inFlight).result.order.amount).toBe("2");
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toBe(line);
    const again = await startReferenceServer({ port: 0, dataDir: dir, log: () => {} });
    const state = getOrderState(again.engine, 102, { order_id: placed.result.order.order_id });
    expect(state.ok).toBe(true);
    expect(again.engine.orders.size).toBe(2);
    await again.close();
  }, 30_000);

  test("--max-requests-per-second answers the excess with 10028 too_many_requests", async () => {
    // One per second: the second of two quick requests finds the bucket empty.
    const cli = spawnCli(["--port", "0", "--in-memory", "--max-requests-per-second", "1"]);
    const { url } = await cli.ready;
    const answers = [];
    for (let i = 0; i < 2; i++) answers.push(await post(url, "public/test", {}));
    expect(answers.map((a) => a.error?.code ?? "ok")).toEqual(["ok", 10028]);
    expect(answers[1]!.error).toMatchObject({ message: "too_many_requests", data: { limit: 1 } });
    cli.child.kill("SIGTERM");
    expect((await cli.exited).code).toBe(0);
  }, 30_000);

  test("--help prints the usage and exits 0", async () => {
    const cli = spawnCli(["--help"]);
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout()).toContain("Usage: unwind-reference [options]");
    expect(cli.stdout()).toContain("--data-dir DIR");
  }, 30_000);

  test.each([
    [["--port", "http"], '--port expects an integer from 0 to 65535, but got "http"'],
    [["--data-dir"], "--data-dir expects a value, but got nothing"],
    [["--in-memory", "--data-dir", "x"], "--data-dir and --in-memory exclude each other"],
    [["--verbose"], 'unknown option "--verbose". Expected one of --host, --port'],
  ])(
    "usage error %j exits 2 and says what was expected",
    async (args, message) => {
      const cli = spawnCli(args);
      expect((await cli.exited).code).toBe(2);
      expect(cli.stderr()).toContain(message);
      expect(cli.stdout()).toBe("");
    },
    30_000,
  );

  test("an accounts file with problems exits 1 listing them", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "unwind-cli-")), "accounts.json");
    writeFileSync(file, JSON.stringify({ accounts: [{ id: -1, username: "", balances: {} }] }));
    const cli = spawnCli(["--port", "0", "--accounts", file]);
    expect((await cli.exited).code).toBe(1);
    expect(cli.stderr()).toContain("accounts[0].id: expected a non-negative integer, but got -1");
    expect(cli.stderr()).toContain("accounts[0].username: expected a non-empty string");
  }, 30_000);

  test("a data dir with a corrupt record in the middle exits 3 and says where", async () => {
    const dir = mkdtempSync(join(tmpdir(), "unwind-cli-"));
    const first = await startReferenceServer({ port: 0, dataDir: dir, log: () => {} });
    for (const price of ["100", "101"]) {
      await post(
        first.url,
        "private/buy",
        { instrument_name: "ETH-PERPETUAL", amount: "1", price },
        basic(BOB),
      );
    }
    await first.close();
    const segment = join(dir, readdirSync(dir).find((f) => f.startsWith("journal-"))!);
    const bytes = readFileSync(segment);
    bytes[20] ^= 0x20;
    writeFileSync(segment, bytes);
    const cli = spawnCli(["--port", "0", "--data-dir", dir]);
    expect((await cli.exited).code).toBe(3);
    expect(cli.stderr()).toContain(`journal ${segment}: corrupt record at byte 0`);
    expect(cli.stdout()).toBe("");
  }, 30_000);
});
