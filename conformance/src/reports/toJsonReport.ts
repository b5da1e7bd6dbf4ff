import type { BaselineOutcome } from "../core/baseline.js";
import type { RunReport } from "../core/runSuite.js";
import { formatSpecReference } from "../core/SpecReference.js";
import { summarise } from "./summarise.js";

/**
 * The machine-readable report: the run's settings, the summary per method with latency
 * histograms, and every result (failures with their request, response and expectation).
 */
export function toJsonReport(
  report: RunReport,
  baseline: BaselineOutcome,
): Record<string, unknown> {
  const summary = summarise(report, baseline);
  return {
    tool: "unwind-conformance",
    startedAt: report.startedAt,
    durationMs: Math.round(report.durationMs),
    target: report.target,
    instrument: report.instrument,
    seed: report.seed,
    transports: report.transports,
    passed: summary.passed,
    totals: summary.totals,
    staleBaseline: summary.staleBaseline,
    methods: summary.methods,
    results: report.results.map((r) => ({
      id: r.id,
      ...(r.subject === undefined ? {} : { subject: r.subject }),
      scenario: r.scenario,
      method: r.method,
      transport: r.transport,
      status: r.status,
      ...(r.expectedFailure ? { expectedFailure: true } : {}),
      description: r.description,
      details: r.details,
      specReferences: r.specReferences.map(formatSpecReference),
      ...(r.status === "failed" && r.expected !== undefined ? { expected: r.expected } : {}),
      ...(r.status === "failed" && r.exchange !== undefined
        ? {
            exchange: {
              url: r.exchange.url,
              ...(r.exchange.httpMethod === undefined ? {} : { httpMethod: r.exchange.httpMethod }),
              request: r.exchange.request,
              ...(r.exchange.status === undefined ? {} : { status: r.exchange.status }),
              response: r.exchange.responseText ?? null,
              ...(r.exchange.error === undefined ? {} : { error: r.exchange.error }),
              durationMs: Math.round(r.exchange.durationMs * 1000) / 1000,
            },
          }
        : {}),
    })),
  };
}
