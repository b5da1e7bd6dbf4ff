import type { CheckResult } from "./CheckResult.js";

/** One expected failure: a check id or scenario name, optionally one subject and one transport. */
export interface BaselineEntry {
  /** The line as written (without its comment). */
  text: string;
  id: string;
  subject?: string;
  transport?: "http" | "ws";
  line: number;
}

/** What the baseline made of a run. */
export interface BaselineOutcome {
  /** Entries that matched results none of which failed: the failure is fixed, remove the line. */
  stale: BaselineEntry[];
  /** Failed results the baseline expected. */
  expected: CheckResult[];
  /** Failed results it did not. */
  unexpected: CheckResult[];
}

/**
 * Parses a baseline of expected failures: one entry a line, `#` starts a comment. An entry is
 * `<check-id or scenario>[:<subject>][@http|@ws]`, e.g. `close-order-shape@ws` or
 * `fixture-replay:private/close_position/partial-fill`. A JSON array of such strings also works.
 *
 * @example
 * parseBaseline("close-no-liquidity   # server answers 10004 (ticket 12)\n");
 */
export function parseBaseline(text: string): BaselineEntry[] {
  const trimmed = text.trim();
  const lines = trimmed.startsWith("[")
    ? (JSON.parse(trimmed) as unknown[]).map(String)
    : text.split("\n");
  const entries: BaselineEntry[] = [];
  lines.forEach((raw, i) => {
    const body = raw.replace(/#.*/, "").trim();
    if (body === "") return;
    const m = /^([A-Za-z0-9._/-]+)(?::(\S+?))?(?:@(http|ws))?$/.exec(body);
    if (m === null) {
      throw new Error(
        `could not read baseline line ${i + 1}. Expected "<check-or-scenario>[:<subject>][@http|@ws]", but got ${JSON.stringify(body)}`,
      );
    }
    const entry: BaselineEntry = { text: body, id: m[1]!, line: i + 1 };
    if (m[2] !== undefined) entry.subject = m[2];
    if (m[3] !== undefined) entry.transport = m[3] as "http" | "ws";
    entries.push(entry);
  });
  return entries;
}

function matches(entry: BaselineEntry, r: CheckResult): boolean {
  if (r.id !== entry.id && r.scenario !== entry.id) return false;
  if (entry.subject !== undefined && r.subject !== entry.subject && r.method !== entry.subject)
    return false;
  return entry.transport === undefined || r.transport === entry.transport;
}

/**
 * Marks the failed results the baseline expects (`expectedFailure`) and finds stale entries:
 * ones whose results all passed. Entries that matched nothing (not run) are neither.
 */
export function applyBaseline(
  results: CheckResult[],
  entries: readonly BaselineEntry[],
): BaselineOutcome {
  const stale: BaselineEntry[] = [];
  for (const entry of entries) {
    const hit = results.filter((r) => matches(entry, r) && r.status !== "skipped");
    if (hit.length > 0 && hit.every((r) => r.status === "passed")) stale.push(entry);
  }
  const expected: CheckResult[] = [];
  const unexpected: CheckResult[] = [];
  for (const r of results) {
    if (r.status !== "failed") continue;
    if (entries.some((e) => matches(e, r))) {
      r.expectedFailure = true;
      expected.push(r);
    } else unexpected.push(r);
  }
  return { stale, expected, unexpected };
}
