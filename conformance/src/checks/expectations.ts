import type { CheckOutcome } from "../core/CheckOutcome.js";
import type { CheckDefinition } from "../core/defineCheck.js";
import {
  describeOutcome,
  type Exchange,
  hasResult,
  resultOf,
  wireError,
} from "../driver/Exchange.js";
import type { SpecView } from "../spec/SpecView.js";

/** What an error answer must look like. */
export interface ErrorExpectation {
  code: number;
  /** Members `error.data` must have, compared with `===` (e.g. `{reason: "no_open_position"}`). */
  data?: Record<string, unknown>;
  /** Shorthand for -32602: `data.param` must be this and `data.reason` a string. */
  param?: string;
}

/** The problem with an answer that should be an error, or undefined. */
export function errorProblem(exchange: Exchange, want: ErrorExpectation): string | undefined {
  const error = wireError(exchange);
  if (error === undefined) return `expected error ${want.code}, got ${describeOutcome(exchange)}`;
  if (error.code !== want.code)
    return `expected error ${want.code}, got ${describeOutcome(exchange)}`;
  const data = (error.data ?? undefined) as Record<string, unknown> | undefined;
  const wantData: Record<string, unknown> = { ...want.data };
  if (want.param !== undefined) wantData["param"] = want.param;
  for (const [key, value] of Object.entries(wantData)) {
    if (data?.[key] !== value) {
      return `error ${want.code} has data ${JSON.stringify(error.data)}, expected data.${key} = ${JSON.stringify(value)}`;
    }
  }
  if (want.param !== undefined && typeof data?.["reason"] !== "string") {
    return `error -32602 has data ${JSON.stringify(error.data)}, expected a string data.reason`;
  }
  return undefined;
}

/** Describes an expectation for the report: `error 11030 with data {"reason":"no_liquidity"}`. */
export function describeErrorExpectation(want: ErrorExpectation): string {
  const data: Record<string, unknown> = { ...want.data };
  if (want.param !== undefined) Object.assign(data, { param: want.param, reason: "<string>" });
  return `error ${want.code}${Object.keys(data).length ? ` with data ${JSON.stringify(data)}` : ""}`;
}

/** A check outcome: the answer must be the given error. */
export function expectError(
  check: CheckDefinition,
  exchange: Exchange,
  want: ErrorExpectation,
  passDetails?: string,
): CheckOutcome {
  const problem = errorProblem(exchange, want);
  return check.verdict(
    problem,
    { exchange, expected: describeErrorExpectation(want) },
    passDetails,
  );
}

/** The problem with an answer that should be a valid result of `method`, or undefined. */
export function resultProblem(
  spec: SpecView,
  method: string,
  exchange: Exchange,
): string | undefined {
  if (!hasResult(exchange)) return `expected a result, got ${describeOutcome(exchange)}`;
  const invalid = spec.validateResult(method, resultOf(exchange));
  return invalid === undefined
    ? undefined
    : `the result does not match ${method}'s result schema: ${invalid}`;
}

/**
 * A check outcome: the answer must be a valid result of `method`, and `more` (given the result)
 * must find no problem.
 */
export function expectResult<T = any>(
  check: CheckDefinition,
  spec: SpecView,
  method: string,
  exchange: Exchange,
  more?: (result: T) => string | undefined,
  expected = `a result that matches ${method}'s result schema`,
): CheckOutcome {
  const problem = resultProblem(spec, method, exchange) ?? more?.(resultOf<T>(exchange));
  return check.verdict(problem, { exchange, expected });
}
