import type { BaselineOutcome } from "../core/baseline.js";
import type { CheckResult } from "../core/CheckResult.js";
import type { RunEvent, RunReport } from "../core/runSuite.js";
import { describeOutcome, truncate } from "../driver/Exchange.js";
import { resultName, summarise } from "../reports/summarise.js";

/** Progress lines as the run goes: one per scenario and transport, with its failures named. */
export function consoleProgress(write: (line: string) => void): (event: RunEvent) => void {
  let results: CheckResult[] = [];
  return (event) => {
    if (event.type === "scenario-start") results = [];
    else if (event.type === "result") results.push(event.result);
    else {
      const failed = results.filter((r) => r.status === "failed");
      const passed = results.filter((r) => r.status === "passed").length;
      const skipped = results.filter((r) => r.status === "skipped").length;
      const mark = failed.length > 0 ? "✗" : "✓";
      const counts = `${passed} passed${failed.length ? `, ${failed.length} failed` : ""}${skipped ? `, ${skipped} skipped` : ""}`;
      const names = failed.length
        ? `: ${[...new Set(failed.map(resultName))].slice(0, 4).join(", ")}${failed.length > 4 ? ", ..." : ""}`
        : "";
      write(
        `  ${mark} ${event.transport.padEnd(4)} ${event.scenario.padEnd(28)} ${counts}${names}  (${Math.round(event.durationMs)} ms)`,
      );
    }
  };
}

function failureBlock(r: CheckResult): string[] {
  const lines = [
    `  ✗ [${r.transport}] ${r.scenario} › ${resultName(r)}${r.expectedFailure ? " (expected by the baseline)" : ""}`,
    `      ${r.details}`,
  ];
  if (r.expected !== undefined) lines.push(`      expected: ${truncate(r.expected, 300)}`);
  if (r.exchange !== undefined) {
    lines.push(
      `      request:  ${r.exchange.httpMethod ?? "ws"} ${r.exchange.url} ${truncate(r.exchange.request, 300)}`,
    );
    lines.push(
      `      response: ${truncate(r.exchange.error ?? r.exchange.responseText ?? describeOutcome(r.exchange), 300)}`,
    );
    for (const n of (r.exchange.notifications ?? []).slice(0, 5))
      lines.push(`      notified: ${truncate(n, 300)}`);
  }
  return lines;
}

/** The end of the console output: failures with their exchange, a table per method, the verdict. */
export function consoleSummary(report: RunReport, baseline: BaselineOutcome): string[] {
  const summary = summarise(report, baseline);
  const out: string[] = [];
  const failed = report.results.filter((r) => r.status === "failed");
  const unexpected = failed.filter((r) => !r.expectedFailure);
  if (unexpected.length > 0) out.push("", "Failures:", ...unexpected.flatMap(failureBlock));
  const expected = failed.filter((r) => r.expectedFailure);
  if (expected.length > 0)
    out.push(
      "",
      `Expected failures (baseline): ${expected.map((r) => `${resultName(r)}@${r.transport}`).join(", ")}`,
    );
  if (summary.staleBaseline.length > 0) {
    out.push(
      "",
      "Stale baseline entries (their checks pass now; remove them):",
      ...summary.staleBaseline.map((s) => `  ✗ ${s}`),
    );
  }
  out.push("", "Summary per method:");
  out.push(
    `  ${"method".padEnd(40)} ${"passed".padStart(6)} ${"failed".padStart(6)} ${"expect".padStart(6)} ${"skipped".padStart(7)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)}`,
  );
  for (const m of summary.methods) {
    const c = m.counts;
    out.push(
      `  ${(m.method === "*" ? "* (protocol)" : m.method).padEnd(40)} ${String(c.passed).padStart(6)} ${String(c.failed).padStart(6)} ${String(c.expectedFailures).padStart(6)} ${String(c.skipped).padStart(7)} ${String(m.latency?.p50 ?? "").padStart(7)} ${String(m.latency?.p99 ?? "").padStart(7)}`,
    );
  }
  const t = summary.totals;
  out.push(
    "",
    `${summary.passed ? "PASSED" : "FAILED"}: ${t.passed} passed, ${t.failed} failed, ${t.expectedFailures} expected failures, ${t.skipped} skipped, ${summary.staleBaseline.length} stale baseline entries in ${(report.durationMs / 1000).toFixed(1)} s (seed ${report.seed})`,
  );
  return out;
}
