import type { CheckOutcome } from "./CheckOutcome.js";
import type { CheckDefinition } from "./defineCheck.js";
import { ForeignActivity } from "./ForeignActivity.js";
import { ScenarioError } from "./ScenarioError.js";

/**
 * Runs a scenario body that pushes outcomes; if a step throws, the outcomes so far are kept
 * and every check not yet reported fails with the reason (and the exchange) it stopped. After
 * {@link ForeignActivity} the failures and the checks not reached are skipped with its reason.
 */
export async function collectOutcomes(
  checks: readonly CheckDefinition[],
  body: (out: CheckOutcome[]) => Promise<void>,
): Promise<CheckOutcome[]> {
  const out: CheckOutcome[] = [];
  try {
    await body(out);
  } catch (error) {
    if (error instanceof ForeignActivity) return skipForForeign(checks, out, error);
    const why =
      error instanceof ScenarioError
        ? error.message
        : `the scenario threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    const evidence =
      error instanceof ScenarioError && error.exchange !== undefined
        ? { exchange: error.exchange }
        : {};
    const reported = new Set(out.map((o) => o.id));
    for (const c of checks)
      if (!reported.has(c.id)) out.push(c.fail(`not reached: ${why}`, evidence));
  }
  return out;
}

/** The outcomes of a scenario that other accounts' orders disturbed: failures become skips. */
export function skipForForeign(
  checks: readonly CheckDefinition[],
  out: readonly CheckOutcome[],
  error: ForeignActivity,
): CheckOutcome[] {
  const why = `skipped: ${error.reason}`;
  const kept = out.map(
    (o): CheckOutcome =>
      o.status === "failed"
        ? { ...o, status: "skipped", details: `${why} (it had failed: ${o.details})` }
        : o,
  );
  const reported = new Set(kept.map((o) => o.id));
  for (const c of checks) if (!reported.has(c.id)) kept.push(c.skip(why));
  return kept;
}
