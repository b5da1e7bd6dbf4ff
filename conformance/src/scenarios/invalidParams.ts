import {
  describeErrorExpectation,
  type ErrorExpectation,
  errorProblem,
  resultProblem,
} from "../checks/expectations.js";
import { paramChecks as c } from "../checks/paramChecks.js";
import type { CheckOutcome } from "../core/CheckOutcome.js";
import { collectOutcomes } from "../core/collectOutcomes.js";
import type { CheckDefinition } from "../core/defineCheck.js";
import type { Scenario } from "../core/Scenario.js";
import type { Exchange } from "../driver/Exchange.js";

type Case = [call: () => Promise<Exchange>, want: ErrorExpectation];

/** Runs cases in order; the outcome fails on the first one that does not answer as expected. */
async function cases(check: CheckDefinition, list: Case[]): Promise<CheckOutcome> {
  let last: Exchange | undefined;
  for (const [call, want] of list) {
    last = await call();
    const problem = errorProblem(last, want);
    if (problem !== undefined) {
      return check.fail(`${last.method ?? "request"}: ${problem}`, {
        exchange: last,
        expected: describeErrorExpectation(want),
      });
    }
  }
  return check.pass(`${list.length} requests answered -32602 with the right data.param`);
}

/** Missing, mistyped, out-of-enum and malformed-decimal params, each answered -32602 {param, reason}. */
export const invalidParams: Scenario = {
  name: "invalid-params",
  description:
    "Missing or mistyped params, bad enums and malformed decimals answer -32602 with data {param, reason}",
  checks: Object.values(c),
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(Object.values(c), async (out) => {
      const d = await ctx.driver();
      const taker = await ctx.session("taker");
      const inst = ctx.instrument;
      const p = (param: string): ErrorExpectation => ({ code: -32602, param });
      out.push(
        await cases(c.missing, [
          [() => d.call("public/get_order_book", {}), p("instrument_name")],
          [() => taker.call("private/close_position", { instrument_name: inst }), p("type")],
          [() => taker.call("private/get_order_state", {}), p("order_id")],
        ]),
      );
      out.push(
        await cases(c.wrongType, [
          [() => d.call("public/get_order_book", { instrument_name: 42 }), p("instrument_name")],
          [
            () => d.call("public/get_order_book", { instrument_name: inst, depth: "five" }),
            p("depth"),
          ],
          [() => d.call("public/get_instruments", { expired: "no" }), p("expired")],
          [
            () =>
              taker.call("private/close_position", {
                instrument_name: inst,
                type: "limit",
                price: true,
              }),
            p("price"),
          ],
        ]),
      );
      out.push(
        await cases(c.badEnum, [
          [
            () => taker.call("private/close_position", { instrument_name: inst, type: "market" }),
            p("type"),
          ],
          [() => d.call("public/get_instruments", { currency: "NOT-A-CURRENCY" }), p("currency")],
          [() => d.call("public/get_instruments", { kind: "perpetual_swap" }), p("kind")],
        ]),
      );
      out.push(
        await cases(c.malformedDecimal, [
          [
            () =>
              taker.call("private/close_position", {
                instrument_name: inst,
                type: "limit",
                price: "1e5",
              }),
            p("price"),
          ],
          [
            () =>
              taker.call("private/close_position", {
                instrument_name: inst,
                type: "limit",
                price: "12,5",
              }),
            p("price"),
          ],
          [
            () => taker.call("private/buy", { instrument_name: inst, amount: "ten", price: "100" }),
            p("amount"),
          ],
          [
            () =>
              taker.call("private/sell", { instrument_name: inst, amount: "10", price: "0x10" }),
            p("price"),
          ],
        ]),
      );
      const extra = { instrument_name: inst, client_order_ref: "conformance" };
      let undeclared = c.undeclaredIgnored.pass("2 requests with an undeclared param answered");
      for (const [method, call] of [
        ["public/get_order_book", () => d.call("public/get_order_book", extra)],
        ["private/get_position", () => taker.call("private/get_position", extra)],
      ] as const) {
        const answer = await call();
        const problem = resultProblem(ctx.spec, method, answer);
        if (problem !== undefined) {
          undeclared = c.undeclaredIgnored.fail(`${method} with client_order_ref: ${problem}`, {
            exchange: answer,
            expected: `a valid ${method} result (client_order_ref ignored)`,
          });
          break;
        }
      }
      out.push(undeclared);
    }),
};
