import type { CheckOutcome } from "../core/CheckOutcome.js";
import type { CheckDefinition } from "../core/defineCheck.js";
import type { Exchange } from "../driver/Exchange.js";

/**
 * Applies a rule to many exchanges: one outcome that passes when no exchange breaks it, or
 * fails with the first one that does (and how many did).
 */
export function overTraffic(
  check: CheckDefinition,
  exchanges: readonly Exchange[],
  problemOf: (exchange: Exchange) => { problem: string; expected?: string } | undefined,
  method?: string,
): CheckOutcome {
  let first: { exchange: Exchange; problem: string; expected?: string } | undefined;
  let failures = 0;
  let checked = 0;
  for (const exchange of exchanges) {
    checked++;
    const found = problemOf(exchange);
    if (found === undefined) continue;
    failures++;
    first ??= { exchange, ...found };
  }
  const outcome =
    first === undefined
      ? check.pass(`${checked} response${checked === 1 ? "" : "s"} checked`)
      : check.fail(
          `${first.problem}${failures > 1 ? ` (and ${failures - 1} more of ${checked} responses)` : ""}`,
          first.expected === undefined
            ? { exchange: first.exchange }
            : { exchange: first.exchange, expected: first.expected },
        );
  if (method !== undefined) outcome.method = method;
  return outcome;
}
