import { reduceOnlyChecks as c } from "../../checks/closePositionChecks.js";
import { orderChecks } from "../../checks/orderChecks.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import { sameDec, subDec } from "../../core/decimal.js";
import type { Scenario } from "../../core/Scenario.js";
import { openOrders, openPosition, orderState, place, withDesk } from "../../trading/Desk.js";
import { closeAndRead } from "./closeAndRead.js";

const checks = [c.shrinks, c.cancelledWhenFlat, orderChecks.reduceOnlyListed];

/**
 * A resting close order of 3 lots; the taker sells 1 lot elsewhere (the order must shrink to
 * 2), then 2 more (the order must be cancelled, reason reduce_only).
 */
export const reduceOnly: Scenario = {
  name: "reduce-only",
  description:
    "A resting close order shrinks with the position and is cancelled (reduce_only) when it goes flat",
  checks,
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(checks, (out) =>
      withDesk(ctx, async (desk) => {
        const [L, L2, L3] = [desk.lots(1), desk.lots(2), desk.lots(3)];
        const P = desk.price();
        await openPosition(desk, "taker", "buy", L3);
        const closed = await closeAndRead(desk, desk.taker, desk.price(10));
        const id = closed.order.order_id;
        await place(desk, desk.maker, "buy", L, P);
        await place(desk, desk.taker, "sell", L, P);
        const shrunk = await orderState(desk.taker, id);
        const o = shrunk.order;
        const openAmount =
          typeof o.amount === "string" && typeof o.filled_amount === "string"
            ? subDec(o.amount, o.filled_amount)
            : undefined;
        out.push(
          c.shrinks.verdict(
            o.order_state !== "open"
              ? `order_state is ${JSON.stringify(o.order_state)}`
              : openAmount === undefined || !sameDec(openAmount, L2)
                ? `open amount (amount - filled_amount) is ${openAmount ?? "unreadable"} with the position at ${L2}`
                : o.replaced !== true
                  ? `replaced is ${JSON.stringify(o.replaced)}`
                  : undefined,
            {
              exchange: shrunk.exchange,
              expected: `order_state open, amount - filled_amount = ${L2}, replaced true`,
            },
          ),
        );
        const listed = await openOrders(desk, desk.taker);
        const entry = listed.orders.find((x) => x.order_id === id);
        const listedOpen =
          typeof entry?.amount === "string" && typeof entry.filled_amount === "string"
            ? subDec(entry.amount, entry.filled_amount)
            : undefined;
        out.push(
          orderChecks.reduceOnlyListed.verdict(
            entry === undefined
              ? "the shrunk order is not among the taker's open orders"
              : listedOpen === undefined || !sameDec(listedOpen, L2)
                ? `its open amount (amount - filled_amount) there is ${listedOpen ?? "unreadable"} (amount ${JSON.stringify(entry.amount)}), get_order_state's is ${openAmount ?? "unreadable"}`
                : undefined,
            {
              exchange: listed.exchange,
              expected: `the order listed with amount - filled_amount = ${L2}, as get_order_state shows it`,
            },
          ),
        );
        await place(desk, desk.maker, "buy", L2, P);
        await place(desk, desk.taker, "sell", L2, P);
        const gone = await orderState(desk.taker, id);
        out.push(
          c.cancelledWhenFlat.verdict(
            gone.order.order_state !== "cancelled" || gone.order.cancel_reason !== "reduce_only"
              ? `order_state ${JSON.stringify(gone.order.order_state)}, cancel_reason ${JSON.stringify(gone.order.cancel_reason)}`
              : undefined,
            {
              exchange: gone.exchange,
              expected: 'order_state "cancelled", cancel_reason "reduce_only"',
            },
          ),
        );
      }),
    ),
};
