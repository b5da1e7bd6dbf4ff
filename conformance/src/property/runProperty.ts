import fc from "fast-check";
import type { CheckOutcome } from "../core/CheckOutcome.js";
import type { CheckDefinition } from "../core/defineCheck.js";
import type { Exchange } from "../driver/Exchange.js";

/** What one generated request showed: a problem (the property fails) or none. */
export interface Verdict {
  exchange: Exchange;
  problem?: string;
}

/**
 * Runs a seeded async property (one request per generated value) and turns it into one check
 * outcome per method; on failure, fast-check shrinks to a minimal failing value, reported with
 * its exchange, the seed and the path to replay it.
 */
export async function runProperty<T>(options: {
  check: CheckDefinition;
  method: string;
  arbitrary: fc.Arbitrary<T>;
  seed: number;
  numRuns: number;
  expected: string;
  describe: (value: T) => string;
  test: (value: T) => Promise<Verdict>;
}): Promise<CheckOutcome> {
  let last: { value: T; verdict: Verdict } | undefined;
  const details = await fc.check(
    fc.asyncProperty(options.arbitrary, async (value) => {
      const verdict = await options.test(value);
      if (verdict.problem === undefined) return true;
      last = { value, verdict };
      return false;
    }),
    {
      seed: options.seed,
      numRuns: options.numRuns,
      interruptAfterTimeLimit: 15_000,
      markInterruptAsFailure: false,
    },
  );
  let outcome: CheckOutcome;
  if (!details.failed || last === undefined) {
    outcome = options.check.pass(
      `${details.numRuns} generated requests passed (seed ${options.seed})`,
    );
  } else {
    const replay = `seed ${details.seed}, path ${JSON.stringify(details.counterexamplePath)}, after ${details.numShrinks} shrinks`;
    outcome = options.check.fail(
      `${last.verdict.problem}; minimal failing request: ${options.describe(last.value)} (${replay})`,
      { exchange: last.verdict.exchange, expected: options.expected },
    );
  }
  outcome.method = options.method;
  return outcome;
}
