import { isolationChecks as c } from "../../checks/closePositionChecks.js";
import { expectError } from "../../checks/expectations.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import type { Scenario } from "../../core/Scenario.js";
import { openOrders, orderState, place, withDesk } from "../../trading/Desk.js";

const checks = Object.values(c);

/** The taker cannot read, cancel or list the maker's resting order. */
export const orderIsolation: Scenario = {
  name: "order-isolation",
  description: "One account cannot see or cancel another's order (10004), nor list it",
  checks,
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(checks, (out) =>
      withDesk(ctx, async (desk) => {
        const { order } = await place(desk, desk.maker, "buy", desk.lots(1), desk.price(-5));
        const id = order.order_id;
        out.push(
          expectError(
            c.orderState,
            await desk.taker.call("private/get_order_state", { order_id: id }),
            { code: 10004 },
          ),
        );
        const cancel = await desk.taker.call("private/cancel", { order_id: id });
        const still = await orderState(desk.maker, id);
        const cancelOutcome = expectError(c.cancel, cancel, { code: 10004 });
        out.push(
          cancelOutcome.status === "failed" || still.order.order_state === "open"
            ? cancelOutcome
            : c.cancel.fail(
                `the maker's order is ${JSON.stringify(still.order.order_state)} after the taker's cancel`,
                {
                  exchange: still.exchange,
                  expected: "the maker's order still open",
                },
              ),
        );
        const taker = await openOrders(desk, desk.taker);
        const listed = taker.orders.find((o) => o.order_id === id);
        out.push(
          c.openOrders.verdict(
            listed === undefined
              ? undefined
              : `the taker's open orders list the maker's order ${id}`,
            { exchange: taker.exchange, expected: "only the taker's own orders" },
          ),
        );
      }),
    ),
};
