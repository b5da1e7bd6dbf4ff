import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrokenReference, type TestServer } from "../testing/startBrokenReference.js";
import { runCli } from "./runCli.js";

let server: TestServer;
beforeAll(async () => {
  server = await startBrokenReference();
});
afterAll(() => server.close());

async function cli(makerSecret: string, takerSecret: string, extra: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [
      "--url",
      server.httpUrl,
      "--ws-url",
      server.wsUrl,
      "--maker-id",
      server.accounts.maker.id,
      "--maker-secret",
      makerSecret,
      "--taker-id",
      server.accounts.taker.id,
      "--taker-secret",
      takerSecret,
      ...extra,
    ],
    { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env: {} },
  );
  return { code, out: out.join("\n"), err };
}

describe("wrong account credentials", () => {
  it("exit 2 with one message before any scenario runs", async () => {
    const wrong = await cli("not-the-maker-secret", server.accounts.taker.secret);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toHaveLength(1);
    expect(wrong.err[0]).toBe(
      `unwind-conformance: the server refused the maker's credentials (client_id ${JSON.stringify(server.accounts.maker.id)}): public/auth answered 13009 unauthorized; check --maker-id/--maker-secret (UNWIND_MAKER_ID/UNWIND_MAKER_SECRET). No scenario was run.`,
    );
    expect(wrong.out).not.toMatch(/[✓✗]/);
    expect(wrong.out + wrong.err.join("\n")).not.toContain("not-the-maker-secret");
  });

  it("names both accounts when both are wrong, over WebSocket alone too", async () => {
    const wrong = await cli("wrong-1", "wrong-2", ["--transport", "ws"]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toHaveLength(1);
    expect(wrong.err[0]).toMatch(
      /refused the maker's credentials .*; the server refused the taker's credentials .*--taker-secret/,
    );
  });

  it("is not asked for when only account-free scenarios run", async () => {
    const run = await cli("wrong-1", "wrong-2", ["--only", "envelope", "--transport", "http"]);
    expect(run.code).toBe(0);
  });
});
