import type { BaselineOutcome } from "../core/baseline.js";
import type { CheckResult } from "../core/CheckResult.js";
import type { RunReport } from "../core/runSuite.js";
import { formatSpecReference } from "../core/SpecReference.js";
import { LATENCY_BINS_MS, type Latency, resultName, summarise } from "./summarise.js";

const esc = (s: string) =>
  s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
const slug = (method: string) =>
  `m-${method === "*" ? "protocol" : method.replace(/[^a-z0-9]+/gi, "-")}`;

function pretty(text: string | undefined): string {
  if (text === undefined || text === "") return "(nothing)";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function histogram(l: Latency): string {
  const w = 22;
  const h = 80;
  const top = Math.max(...l.counts, 1);
  const labels = LATENCY_BINS_MS.map((b, i) =>
    i === LATENCY_BINS_MS.length - 1 ? `≥${LATENCY_BINS_MS[i - 1]}` : `<${b}`,
  );
  const bars = l.counts
    .map((c, i) => {
      const bh = Math.round((c / top) * h);
      return `<g><title>${esc(labels[i]!)} ms: ${c}</title><rect class="bar" x="${i * (w + 4)}" y="${h - bh}" width="${w}" height="${bh}"/><text x="${i * (w + 4) + w / 2}" y="${h + 12}">${esc(labels[i]!)}</text></g>`;
    })
    .join("");
  const width = l.counts.length * (w + 4);
  return `<figure class="latency"><svg role="img" aria-label="latency histogram" viewBox="0 0 ${width} ${h + 16}" width="${width}" height="${h + 16}">${bars}</svg><figcaption>${l.count} requests · p50 ${l.p50} ms · p99 ${l.p99} ms · max ${l.max} ms (bins in ms)</figcaption></figure>`;
}

function status(r: CheckResult): string {
  if (r.status === "failed") return r.expectedFailure ? "expected" : "failed";
  return r.status;
}

function row(r: CheckResult): string {
  const s = status(r);
  const cells = `<td class="status">${s}</td><td class="id">${esc(resultName(r))}</td><td>${r.transport}</td><td>${esc(r.description)}<div class="details">${esc(r.details)}</div><div class="refs">${esc(r.specReferences.map(formatSpecReference).join(" · "))}</div></td>`;
  const head = `<tr class="check ${s}" data-check="${esc(r.id)}" data-transport="${r.transport}">${cells}</tr>`;
  if (r.status !== "failed") return head;
  const e = r.exchange;
  const exchange =
    e === undefined
      ? ""
      : `<h4>Request <small>${esc(e.httpMethod ?? "WebSocket")} ${esc(e.url)}</small></h4><pre class="request">${esc(pretty(e.request))}</pre><h4>Response${e.status === undefined ? "" : ` <small>HTTP ${e.status}</small>`}</h4><pre class="response">${esc(e.error ?? pretty(e.responseText))}</pre>${
          e.notifications?.length
            ? `<h4>Notifications</h4><pre class="notifications">${esc(e.notifications.join("\n"))}</pre>`
            : ""
        }`;
  const expected =
    r.expected === undefined
      ? ""
      : `<h4>Expected</h4><pre class="expected">${esc(r.expected)}</pre>`;
  return `${head}<tr class="evidence"><td colspan="4"><details${r.expectedFailure ? "" : " open"}><summary>The failing exchange</summary>${exchange}${expected}</details></td></tr>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2329;background:#f6f7f9}
header,main{max-width:1100px;margin:0 auto;padding:16px 24px}
h1{margin:0 0 4px}h2{margin:0;font-size:18px}h4{margin:10px 0 4px}
.verdict{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:600}
.verdict.passed{background:#1f883d}.verdict.failed{background:#cf222e}
table{border-collapse:collapse;width:100%;background:#fff}td,th{padding:5px 8px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
nav table td:nth-child(n+2){text-align:right}
section.method{background:#fff;margin:18px 0;padding:14px 16px;border-radius:6px;border:1px solid #e3e6ea}
section.method.has-failures{border-color:#cf222e}
.status{font-weight:600;text-transform:uppercase;font-size:11px}
tr.passed .status{color:#1f883d}tr.failed .status{color:#cf222e}tr.expected .status{color:#9a6700}tr.skipped .status{color:#6e7781}
tr.failed{background:#fff5f5}.details{color:#57606a}.refs{color:#8c959f;font-size:12px}.id{font-family:ui-monospace,monospace;white-space:nowrap}
pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:320px;margin:0}
.latency{margin:8px 0 12px}.latency svg text{font-size:8px;text-anchor:middle;fill:#57606a}.bar{fill:#0969da}
figcaption{color:#57606a;font-size:12px}.stale{color:#cf222e}`;

/**
 * A self-contained HTML report (no external assets): the verdict, a table of methods, then per
 * method its checks with pass/fail, each failing exchange, and a latency histogram.
 */
export function toHtmlReport(report: RunReport, baseline: BaselineOutcome): string {
  const summary = summarise(report, baseline);
  const verdict = summary.passed ? "passed" : "failed";
  const t = summary.totals;
  const nav = summary.methods
    .map(
      (m) =>
        `<tr><td><a href="#${slug(m.method)}">${esc(m.method === "*" ? "* (protocol)" : m.method)}</a></td><td>${m.counts.passed}</td><td>${m.counts.failed}</td><td>${m.counts.expectedFailures}</td><td>${m.counts.skipped}</td><td>${m.latency ? `${m.latency.p50} ms` : ""}</td></tr>`,
    )
    .join("");
  const sections = summary.methods
    .map((m) => {
      const results = report.results.filter((r) => r.method === m.method);
      const failedFirst = [...results].sort(
        (a, b) => Number(status(b) === "failed") - Number(status(a) === "failed"),
      );
      return `<section class="method${m.counts.failed > 0 ? " has-failures" : ""}" id="${slug(m.method)}" data-method="${esc(m.method)}" data-failed="${m.counts.failed}"><h2>${esc(m.method === "*" ? "* (protocol)" : m.method)} <small>${m.counts.passed} passed, ${m.counts.failed} failed${m.counts.expectedFailures ? `, ${m.counts.expectedFailures} expected` : ""}${m.counts.skipped ? `, ${m.counts.skipped} skipped` : ""}</small></h2>${m.latency ? histogram(m.latency) : ""}${results.length ? `<table class="checks"><tbody>${failedFirst.map(row).join("")}</tbody></table>` : "<p>No checks; requests only.</p>"}</section>`;
    })
    .join("\n");
  const stale = summary.staleBaseline.length
    ? `<section class="method has-failures" id="stale-baseline"><h2 class="stale">Stale baseline entries</h2><p>These expected failures pass now: remove them from the baseline.</p><ul>${summary.staleBaseline.map((s) => `<li><code>${esc(s)}</code></li>`).join("")}</ul></section>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>unwind conformance: ${verdict.toUpperCase()}</title><style>${STYLE}</style></head>
<body><header><h1>unwind conformance</h1>
<p><span class="verdict ${verdict}" id="verdict">${verdict.toUpperCase()}</span> ${t.passed} passed, ${t.failed} failed, ${t.expectedFailures} expected failures, ${t.skipped} skipped</p>
<p>Target ${esc(report.target.httpUrl)} · ${esc(report.target.wsUrl)} · transports ${report.transports.join(", ")} · instrument ${esc(report.instrument)} · seed ${report.seed} · ${(report.durationMs / 1000).toFixed(1)} s · ${esc(report.startedAt)}</p>
<nav><table><thead><tr><th>method</th><th>passed</th><th>failed</th><th>expected</th><th>skipped</th><th>p50</th></tr></thead><tbody>${nav}</tbody></table></nav></header>
<main>${stale}
${sections}</main></body></html>
`;
}
