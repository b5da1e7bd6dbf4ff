import type { CheckOutcome } from "./CheckOutcome.js";
import type { CheckDefinition } from "./defineCheck.js";
import { ScenarioError } from "./ScenarioError.js";

/**
 * Runs a scenario body that pushes outcomes; if a step throws, the outcomes so far are kept
 * and every check not yet reported fails with the reason (and the exchange) it stopped.
 */
export async function collectOutcomes(
  checks: readonly CheckDefinition[],
  body: (out: CheckOutcome[]) => Promise<void>,
): Promise<CheckOutcome[]> {
  const out: CheckOutcome[] = [];
  try {
    await body(out);
  } catch (error) {
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
