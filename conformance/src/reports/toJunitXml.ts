import type { BaselineOutcome } from "../core/baseline.js";
import type { CheckResult } from "../core/CheckResult.js";
import type { RunReport } from "../core/runSuite.js";
import { formatSpecReference } from "../core/SpecReference.js";
import { resultName } from "./summarise.js";

/** Control characters XML 1.0 does not allow (tab, newline and carriage return are fine). */
const forbidden = (code: number) => code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;

const xml = (s: string) =>
  [
    ...s.replace(
      /[<>&"']/g,
      (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
    ),
  ]
    .map((c) => (forbidden(c.charCodeAt(0)) ? "\uFFFD" : c))
    .join("");

function evidence(r: CheckResult): string {
  const lines = [r.details];
  if (r.expected !== undefined) lines.push(`expected: ${r.expected}`);
  if (r.exchange !== undefined) {
    lines.push(
      `request (${r.exchange.httpMethod ?? "ws"} ${r.exchange.url}): ${r.exchange.request}`,
    );
    lines.push(
      `response${r.exchange.status === undefined ? "" : ` (HTTP ${r.exchange.status})`}: ${r.exchange.error ?? r.exchange.responseText ?? ""}`,
    );
    for (const n of r.exchange.notifications ?? []) lines.push(`notification: ${n}`);
  }
  lines.push(`spec: ${r.specReferences.map(formatSpecReference).join("; ")}`);
  return lines.join("\n");
}

function testcase(r: CheckResult): string {
  const name = `${resultName(r)} (${r.transport})`;
  const head = `    <testcase classname="unwind-conformance.${xml(r.method)}" name="${xml(name)}" time="0">`;
  if (r.status === "passed") return `${head}</testcase>`;
  if (r.status === "skipped") return `${head}<skipped message="${xml(r.details)}"/></testcase>`;
  if (r.expectedFailure)
    return `${head}<skipped message="${xml(`expected failure (baseline): ${r.details}`)}"/></testcase>`;
  return `${head}<failure message="${xml(r.details)}" type="${xml(r.id)}">${xml(evidence(r))}</failure></testcase>`;
}

/** JUnit XML for CI: one testsuite per scenario and transport, one testcase per result; expected failures as skipped; stale baseline entries as failures. */
export function toJunitXml(report: RunReport, baseline: BaselineOutcome): string {
  const suites = new Map<string, CheckResult[]>();
  for (const r of report.results) {
    const key = `${r.scenario} (${r.transport})`;
    suites.set(key, [...(suites.get(key) ?? []), r]);
  }
  const blocks = [...suites].map(([name, results]) => {
    const failures = results.filter((r) => r.status === "failed" && !r.expectedFailure).length;
    const skipped = results.filter((r) => r.status === "skipped" || r.expectedFailure).length;
    return [
      `  <testsuite name="${xml(name)}" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
      ...results.map(testcase),
      "  </testsuite>",
    ].join("\n");
  });
  if (baseline.stale.length > 0) {
    blocks.push(
      [
        `  <testsuite name="baseline" tests="${baseline.stale.length}" failures="${baseline.stale.length}" errors="0" skipped="0">`,
        ...baseline.stale.map(
          (e) =>
            `    <testcase classname="unwind-conformance.baseline" name="${xml(e.text)}" time="0"><failure message="${xml(`stale baseline entry (line ${e.line}): its checks pass now; remove it`)}" type="stale-baseline"/></testcase>`,
        ),
        "  </testsuite>",
      ].join("\n"),
    );
  }
  const total = report.results.length + baseline.stale.length;
  const failures =
    report.results.filter((r) => r.status === "failed" && !r.expectedFailure).length +
    baseline.stale.length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="unwind-conformance" tests="${total}" failures="${failures}" time="${(report.durationMs / 1000).toFixed(3)}">\n${blocks.join("\n")}\n</testsuites>\n`;
}
