import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { clientSignatureStringToSign } from "@unwind/protocol";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type AuthServer,
  CLIENT_ID,
  CLIENT_SECRET,
  hmacHex,
  startAuthServer,
} from "../runtime/authServer.test-helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const entry = fileURLToPath(new URL("./index.ts", import.meta.url));
let bundle: string;
let server: AuthServer;
let browser: Browser;

beforeAll(async () => {
  // platform "browser" makes esbuild fail on any node: builtin or Node-only package.
  const output = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    // Generated code imports `@unwind/client/runtime`: the sources here, like the entry (one copy of each class).
    alias: {
      "@unwind/client/runtime": fileURLToPath(new URL("../runtime/index.ts", import.meta.url)),
    },
  });
  bundle = output.outputFiles[0]!.text;
  server = await startAuthServer();
  server.handlers["public/hang"] = () => new Promise(() => {});
  server.http = (req, res) => {
    if (req.url === "/") {
      res
        .writeHead(200, { "content-type": "text/html" })
        .end(
          '<!doctype html><title>unwind</title><script type="module">import * as sdk from "/client.js"; window.sdk = sdk;</script>',
        );
      return true;
    }
    if (req.url === "/client.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
      return true;
    }
    return false;
  };
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("browser entry", () => {
  test("the bundle has no Node-only imports", () => {
    expect(bundle).not.toMatch(/from\s*["'](node:|ws["'])|require\(|import\(\s*["']/);
    expect(bundle.length).toBeLessThan(100_000);
  });

  test("in headless Chromium: WebSocket with client_signature, HTTP POST with hmac, GET with bearer, typed errors", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.origin}/`);
      await page.waitForFunction(() => "sdk" in globalThis);
      const outcome = await page.evaluate(
        async ({ url, clientId, clientSecret }) => {
          const sdk = (globalThis as any).sdk;
          const credentials = { clientId, clientSecret };
          const ws = sdk.createClient({
            url,
            transport: "ws",
            auth: { ...credentials, grant: "client_signature" },
          });
          const wsPosition = await ws.request("private/get_position", {
            instrument_name: "BTC-PERPETUAL",
          });
          const wsTiming = await ws.requestWithResponse("public/test", {});
          await ws.close();
          const hmac = sdk.createClient({ url, auth: { ...credentials, http: "hmac" } });
          const httpPosition = await hmac.request("private/get_position", {
            instrument_name: "ETH-PERPETUAL",
          });
          const bearer = sdk.createClient({ url, httpMethod: "GET", auth: credentials });
          const closed = await bearer.request("private/close_position", {
            instrument_name: "BTC-PERPETUAL",
            type: "limit",
          });
          const wrong = sdk.createClient({
            url,
            auth: { ...credentials, clientSecret: "wrong", http: "hmac" },
          });
          const error = await wrong
            .request("private/get_position", { instrument_name: "BTC-PERPETUAL" })
            .catch((e: unknown) => e);
          const timeout = await hmac
            .request("public/hang", {}, { timeoutMs: 50 })
            .catch((e: unknown) => e);
          const controller = new AbortController();
          const aborted = hmac
            .request("public/hang", {}, { signal: controller.signal })
            .catch((e: unknown) => e);
          controller.abort();
          return {
            userAgent: (globalThis as any).navigator.userAgent,
            hasProcess: typeof (globalThis as { process?: unknown }).process !== "undefined",
            wsPosition,
            wsTiming: {
              usDiffOk: wsTiming.usDiff === wsTiming.usOut - wsTiming.usIn,
              rttMs: wsTiming.rttMs,
            },
            httpPosition,
            closed,
            error: {
              rpc: error instanceof sdk.RpcError,
              transport: error instanceof sdk.TransportError,
              code: error.code,
            },
            timeout: timeout instanceof sdk.TimeoutError && timeout instanceof sdk.TransportError,
            aborted: (await aborted) instanceof sdk.AbortedError,
          };
        },
        { url: server.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      );
      expect(outcome.userAgent).toMatch(/HeadlessChrome|Chrome/);
      expect(outcome.hasProcess).toBe(false);
      expect(outcome.wsPosition).toEqual({ instrument_name: "BTC-PERPETUAL", size: "0" });
      expect(outcome.wsTiming.usDiffOk).toBe(true);
      expect(outcome.wsTiming.rttMs).toBeGreaterThan(0);
      expect(outcome.httpPosition).toEqual({ instrument_name: "ETH-PERPETUAL", size: "0" });
      expect(outcome.closed).toEqual({ order: { order_id: "39005203453841408" }, trades: [] });
      expect(outcome.error).toEqual({ rpc: true, transport: false, code: 13009 });
      expect(outcome.timeout).toBe(true);
      expect(outcome.aborted).toBe(true);

      // What the page sent, checked here with node:crypto.
      const grant = server.grants.find((g) => g.grant_type === "client_signature") as Record<
        string,
        string
      >;
      expect(grant.signature).toBe(
        hmacHex(
          CLIENT_SECRET,
          clientSignatureStringToSign(grant.timestamp!, grant.nonce!, grant.data!),
        ),
      );
      const signed = server.authorizations.filter((a) => a.header.startsWith("deri-hmac-sha256"));
      expect(signed.map((a) => a.ok)).toEqual([true, false]);
      const sig = /sig=([0-9a-f]+)/.exec(signed[0]!.header)![1];
      expect(sig).toBe(hmacHex(CLIENT_SECRET, signed[0]!.stringToSign!));
      expect(server.authorizations.some((a) => a.header.startsWith("Bearer ") && a.ok)).toBe(true);
    } finally {
      await page.close();
    }
  }, 60_000);
});
