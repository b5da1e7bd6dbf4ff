import { errorProblem, expectError } from "../../checks/expectations.js";
import { orderChecks as c } from "../../checks/orderChecks.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import { sameDec } from "../../core/decimal.js";
import type { Scenario } from "../../core/Scenario.js";
import type { Exchange } from "../../driver/Exchange.js";
import { must, orderState, place, withDesk } from "../../trading/Desk.js";

const checks = [c.reduceOnlyRejected, c.cancelNotOpen, c.reduceOnlyCut, c.idsIncrease];
const REDUCE_ONLY = { code: 11030, data: { reason: "reduce_only" } };
const NOT_OPEN = { code: 11044 };

/**
 * A reduce-only sell while flat (11030), a filled trade whose orders cannot be cancelled
 * (11044), a reduce-only buy while long (11030), a reduce-only sell of 3 lots against a long of
 * 1 (cut to 1), cancelled twice (11044); the ids of the accepted orders must increase.
 */
export const orderRules: Scenario = {
  name: "order-rules",
  description:
    "Reduce-only placement (11030 while flat or growing, cut to the position), 11044 cancelling a filled or cancelled order, increasing order ids",
  checks,
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(checks, (out) =>
      withDesk(ctx, async (desk) => {
        const [L, L3] = [desk.lots(1), desk.lots(3)];
        const inst = desk.market.instrument;
        const order = (amount: string, price: string) => ({
          instrument_name: inst,
          amount,
          price,
          type: "limit",
          reduce_only: true,
        });
        const accepted: { id: string; exchange: Exchange }[] = [];
        const flat = await desk.taker.call("private/sell", order(L, desk.price(5)));
        const ask = await place(desk, desk.maker, "sell", L, desk.price(1));
        const bid = await place(desk, desk.taker, "buy", L, desk.price(1));
        accepted.push(
          { id: ask.order.order_id, exchange: ask.exchange },
          { id: bid.order.order_id, exchange: bid.exchange },
        );
        const cancels: Exchange[] = [
          await desk.taker.call("private/cancel", { order_id: bid.order.order_id }),
          await desk.maker.call("private/cancel", { order_id: ask.order.order_id }),
        ];
        const grow = await desk.taker.call("private/buy", order(L, desk.price(-5)));
        const flatProblem = errorProblem(flat, REDUCE_ONLY);
        out.push(
          flatProblem !== undefined
            ? c.reduceOnlyRejected.fail(`a reduce-only sell while flat: ${flatProblem}`, {
                exchange: flat,
                expected: "error 11030 with data {reason: reduce_only}",
              })
            : expectError(c.reduceOnlyRejected, grow, REDUCE_ONLY, "flat and growing refused"),
        );
        const cut = await place(desk, desk.taker, "sell", L3, desk.price(5), { reduce_only: true });
        accepted.push({ id: cut.order.order_id, exchange: cut.exchange });
        const state = await orderState(desk.taker, cut.order.order_id);
        const cutProblem = [
          ["the answer", cut.order, cut.exchange],
          ["get_order_state", state.order, state.exchange],
        ]
          .map(([where, o, exchange]) => {
            const x = o as Record<string, unknown>;
            return !sameDec(x["amount"], L)
              ? { problem: `${where}: amount ${JSON.stringify(x["amount"])}`, exchange }
              : x["replaced"] !== true
                ? { problem: `${where}: replaced ${JSON.stringify(x["replaced"])}`, exchange }
                : undefined;
          })
          .find((p) => p !== undefined);
        out.push(
          c.reduceOnlyCut.verdict(cutProblem?.problem, {
            exchange: cutProblem?.exchange as Exchange,
            expected: `a reduce-only sell of ${L3} against a long of ${L}: amount ${L}, replaced true`,
          }),
        );
        must(
          await desk.taker.call("private/cancel", { order_id: cut.order.order_id }),
          "cancel of the reduce-only sell",
        );
        cancels.push(await desk.taker.call("private/cancel", { order_id: cut.order.order_id }));
        const what = [
          "the taker's filled buy",
          "the maker's filled sell",
          "an order cancelled already",
        ];
        const notOpen = cancels
          .map((e, i) => ({ e, problem: errorProblem(e, NOT_OPEN), what: what[i] }))
          .find((x) => x.problem !== undefined);
        out.push(
          c.cancelNotOpen.verdict(notOpen && `cancelling ${notOpen.what}: ${notOpen.problem}`, {
            exchange: notOpen?.e as Exchange,
            expected: "error 11044 not_open_order",
          }),
        );
        out.push(idsProblem(accepted));
      }),
    ),
};

/** order-ids-increase over the ids of the orders the scenario placed, in order. */
function idsProblem(accepted: { id: string; exchange: Exchange }[]) {
  for (const [i, a] of accepted.entries()) {
    if (!/^[0-9]+$/.test(a.id))
      return c.idsIncrease.fail(`order_id ${JSON.stringify(a.id)} is not a string of digits`, {
        exchange: a.exchange,
      });
    const prev = accepted[i - 1];
    if (prev !== undefined && BigInt(a.id) <= BigInt(prev.id))
      return c.idsIncrease.fail(
        `order ${a.id} was accepted after order ${prev.id}, but its id is not greater`,
        {
          exchange: a.exchange,
          expected: `ids increasing in acceptance order: ${accepted.map((x) => x.id).join(" < ")}`,
        },
      );
  }
  return c.idsIncrease.pass(`${accepted.map((x) => x.id).join(" < ")}`);
}
