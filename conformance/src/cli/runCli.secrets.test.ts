import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startBrokenReference, type TestServer } from "../testing/startBrokenReference.js";
import { runCli } from "./runCli.js";

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

describe("credentials in the output", () => {
  it("appear in no console line and no report, even in the evidence of failures about them", async () => {
    const issued: string[] = [];
    // A server that accepts any secret: auth-bad-secret fails with the tokens it issued as evidence.
    const server = await startBrokenReference({
      name: "any-secret-recorded",
      description: "public/auth accepts any secret; every token it issues is noted",
      wrapHandlers: (handlers, { auth }) => {
        const grant = auth.grant.bind(auth);
        auth.grant = (params) => {
          const out = grant(
            params.grant_type === "client_credentials" && /x$/.test(String(params.client_secret))
              ? { ...params, client_secret: String(params.client_secret).slice(0, -1) }
              : params,
          );
          if (!(out instanceof Error))
            issued.push(out.result.access_token, out.result.refresh_token);
          return out;
        };
        return handlers;
      },
    });
    servers.push(server);
    const dir = mkdtempSync(join(tmpdir(), "unwind-conformance-secrets-"));
    const out: string[] = [];
    const code = await runCli(
      [
        "--url",
        server.httpUrl,
        "--ws-url",
        server.wsUrl,
        "--maker-id",
        server.accounts.maker.id,
        "--maker-secret",
        server.accounts.maker.secret,
        "--taker-id",
        server.accounts.taker.id,
        "--taker-secret",
        server.accounts.taker.secret,
        "--seed",
        "1",
        "--report",
        `json=${join(dir, "r.json")},junit=${join(dir, "r.xml")},html=${join(dir, "r.html")}`,
      ],
      { stdout: (l) => out.push(l), stderr: (l) => out.push(l), env: {} },
    );
    expect(code).toBe(1);
    const texts = {
      console: out.join("\n"),
      json: readFileSync(join(dir, "r.json"), "utf8"),
      junit: readFileSync(join(dir, "r.xml"), "utf8"),
      html: readFileSync(join(dir, "r.html"), "utf8"),
    };
    expect(texts.console).toMatch(/auth-bad-secret/);
    expect(issued.length).toBeGreaterThan(20);
    // The random part of each token (its first 8 characters after the timestamp suffice).
    const marks = [
      server.accounts.maker.secret,
      server.accounts.taker.secret,
      ...issued.map((t) => t.split(".").slice(1).join(".").slice(0, 12)),
    ];
    for (const [where, text] of Object.entries(texts)) {
      const found = marks.filter((m) => text.includes(m));
      expect(found, `${where} shows credentials`).toEqual([]);
    }
    // The evidence is still there, masked.
    expect(texts.json).toContain("<redacted>");
  }, 120_000);
});
