import type { Exchange } from "../driver/Exchange.js";
import type { CheckOutcome } from "./CheckOutcome.js";
import type { SpecReference } from "./SpecReference.js";

/** What a check is, without a verdict: what `--list` prints. */
export interface CheckInfo {
  id: string;
  description: string;
  /** The spec method the rule belongs to, `*` for protocol-wide rules. */
  method: string;
  specReferences: SpecReference[];
}

/** Evidence for a failure. */
export interface FailureEvidence {
  expected?: string;
  exchange?: Exchange;
}

/** A check: its info plus the factories of its outcomes. */
export interface CheckDefinition extends CheckInfo {
  pass(details?: string): CheckOutcome;
  fail(details: string, evidence?: FailureEvidence): CheckOutcome;
  skip(reason: string): CheckOutcome;
  /** `pass()` when `problem` is undefined, else `fail(problem, evidence)`. */
  verdict(
    problem: string | undefined,
    evidence?: FailureEvidence,
    passDetails?: string,
  ): CheckOutcome;
}

/**
 * Declares a check.
 *
 * @example
 * const usDiff = defineCheck({ id: "envelope-usdiff", description: "usDiff = usOut - usIn",
 *   method: "*", specReferences: [specRef(undefined, "/x-response-envelope/properties/usDiff")] });
 * usDiff.fail("usDiff is 3, usOut - usIn is 5", { exchange });
 */
export function defineCheck(info: CheckInfo): CheckDefinition {
  const base = () => ({ id: info.id, specReferences: info.specReferences });
  const pass = (details = "ok"): CheckOutcome => ({ ...base(), status: "passed", details });
  const fail = (details: string, evidence: FailureEvidence = {}): CheckOutcome => {
    const outcome: CheckOutcome = { ...base(), status: "failed", details };
    if (evidence.expected !== undefined) outcome.expected = evidence.expected;
    if (evidence.exchange !== undefined) outcome.exchange = evidence.exchange;
    return outcome;
  };
  return {
    ...info,
    pass,
    fail,
    skip: (reason) => ({ ...base(), status: "skipped", details: reason }),
    verdict: (problem, evidence, passDetails) =>
      problem === undefined ? pass(passDetails) : fail(problem, evidence),
  };
}
