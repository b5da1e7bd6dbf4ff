import type { BaselineOutcome } from "../core/baseline.js";
import type { CheckResult } from "../core/CheckResult.js";
import type { RunReport } from "../core/runSuite.js";
import type { Exchange } from "../driver/Exchange.js";

/** Counts of one group of results. */
export interface Counts {
  passed: number;
  failed: number;
  expectedFailures: number;
  skipped: number;
}

/** Latency of one method's requests: a histogram over fixed bins (upper bounds in ms). */
export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** `counts[i]` requests took less than `LATENCY_BINS_MS[i]` ms (and not less than the bin before). */
  counts: number[];
}

/** Upper bounds of the latency bins, in milliseconds; the last bin is open-ended. */
export const LATENCY_BINS_MS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, Number.POSITIVE_INFINITY];

/** A run, summed up per method: what every report prints. */
export interface Summary {
  totals: Counts;
  /** Sorted with the protocol-wide `*` first, then by method name. */
  methods: { method: string; counts: Counts; latency?: Latency }[];
  staleBaseline: string[];
  passed: boolean;
}

function count(results: readonly CheckResult[]): Counts {
  const c: Counts = { passed: 0, failed: 0, expectedFailures: 0, skipped: 0 };
  for (const r of results) {
    if (r.status === "passed") c.passed++;
    else if (r.status === "skipped") c.skipped++;
    else if (r.expectedFailure) c.expectedFailures++;
    else c.failed++;
  }
  return c;
}

/** The latency histogram of some exchanges (transport failures left out). */
export function latency(exchanges: readonly Exchange[]): Latency | undefined {
  const ms = exchanges
    .filter((e) => e.error === undefined)
    .map((e) => e.durationMs)
    .sort((a, b) => a - b);
  if (ms.length === 0) return undefined;
  const counts = LATENCY_BINS_MS.map(() => 0);
  for (const v of ms) counts[LATENCY_BINS_MS.findIndex((bound) => v < bound)]!++;
  const at = (q: number) =>
    Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]! * 1000) / 1000;
  return {
    count: ms.length,
    p50: at(0.5),
    p99: at(0.99),
    max: Math.round(ms.at(-1)! * 1000) / 1000,
    counts,
  };
}

/** Totals, per-method counts and latency, and whether the run passes. */
export function summarise(report: RunReport, baseline: BaselineOutcome): Summary {
  const methods = new Set(report.results.map((r) => r.method));
  const known = new Set(report.results.map((r) => r.method));
  const byMethod = new Map<string, Exchange[]>();
  for (const e of report.exchanges) {
    const m = e.method !== undefined && known.has(e.method) ? e.method : "*";
    methods.add(m);
    byMethod.set(m, [...(byMethod.get(m) ?? []), e]);
  }
  const sorted = [...methods].sort((a, b) => (a === "*" ? -1 : b === "*" ? 1 : a.localeCompare(b)));
  const totals = count(report.results);
  return {
    totals,
    methods: sorted.map((method) => {
      const entry: Summary["methods"][number] = {
        method,
        counts: count(report.results.filter((r) => r.method === method)),
      };
      const l = latency(byMethod.get(method) ?? []);
      if (l !== undefined) entry.latency = l;
      return entry;
    }),
    staleBaseline: baseline.stale.map((e) => e.text),
    passed: totals.failed === 0 && baseline.stale.length === 0,
  };
}

/** The name a result goes by in reports: `close-order-shape`, `fixture-replay [public/test/default]`. */
export function resultName(r: CheckResult): string {
  return r.subject === undefined ? r.id : `${r.id} [${r.subject}]`;
}
