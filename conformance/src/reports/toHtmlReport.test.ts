import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyBaseline } from "../core/baseline.js";
import { runSuite } from "../core/runSuite.js";
import { defects } from "../testing/defects.js";
import { startBrokenReference } from "../testing/startBrokenReference.js";
import { toHtmlReport } from "./toHtmlReport.js";

let file: string;
beforeAll(async () => {
  const server = await startBrokenReference(
    defects.find((d) => d.name === "close-wrong-direction"),
  );
  try {
    const report = await runSuite({
      target: server,
      accounts: server.accounts,
      seed: 3,
      only: ["close-long-with-price", "public-methods", "envelope"],
    });
    const html = toHtmlReport(report, applyBaseline(report.results, []));
    file = join(mkdtempSync(join(tmpdir(), "unwind-html-")), "report.html");
    writeFileSync(file, html);
  } finally {
    await server.close();
  }
}, 30_000);

const browser = chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
afterAll(async () => (await browser).close());

describe("the HTML report, opened in headless Chromium", () => {
  it("shows the verdict, the checks by method, the failing exchange and latency histograms, with no external assets", async () => {
    const page = await (await browser).newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    expect(await page.title()).toBe("unwind conformance: FAILED");
    expect(await page.textContent("#verdict")).toBe("FAILED");
    const methods = await page.$$eval("section.method", (s) =>
      s.map((e) => e.getAttribute("data-method")),
    );
    expect(methods).toContain("private/close_position");
    expect(methods).toContain("public/get_order_book");
    const close = page.locator('section[data-method="private/close_position"]');
    expect(await close.getAttribute("data-failed")).not.toBe("0");
    const row = close.locator('tr.check.failed[data-check="close-order-shape"]').first();
    expect(await row.locator(".details").textContent()).toBe('direction is "buy", expected "sell"');
    const evidence = close.locator("tr.evidence").first();
    expect(await evidence.locator("pre.request").textContent()).toContain(
      '"method": "private/close_position"',
    );
    expect(await evidence.locator("pre.response").textContent()).toContain('"direction": "buy"');
    expect(await close.locator("svg rect.bar").count()).toBe(11);
    expect(await close.locator("figcaption").textContent()).toMatch(
      /^\d+ requests · p50 [\d.]+ ms · p99 [\d.]+ ms · max [\d.]+ ms/,
    );
    expect(
      await page.locator('section[data-method="public/test"] tr.check.passed').count(),
    ).toBeGreaterThan(0);
    expect(requested.every((u) => u.startsWith("file:"))).toBe(true);
  }, 30_000);
});
