import { closeOrderProblem } from "../../checks/closeOrderProblem.js";
import { closePositionChecks as c } from "../../checks/closePositionChecks.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import { sameDec } from "../../core/decimal.js";
import type { Scenario } from "../../core/Scenario.js";
import { resultOf } from "../../driver/Exchange.js";
import { must, openOrders, openPosition, orderState, place, withDesk } from "../../trading/Desk.js";
import { closeAndRead } from "./closeAndRead.js";
import { flatCheck } from "./flatCheck.js";

const checks = [c.orderShape, c.partialRests, c.partialLaterFilled, c.flat];

/** Close 3 lots against 1: the rest rests at the price, and fills when the maker comes back. */
export const closePartialFill: Scenario = {
  name: "close-partial-fill",
  description:
    "Close a long of 3 lots against a bid of 1: 1 fills, 2 rest at the price; a later bid fills the rest",
  checks,
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(checks, (out) =>
      withDesk(ctx, async (desk) => {
        const [L, L2, L3] = [desk.lots(1), desk.lots(2), desk.lots(3)];
        const P = desk.price();
        await openPosition(desk, "taker", "buy", L3);
        await place(desk, desk.maker, "buy", L, P);
        const closed = await closeAndRead(desk, desk.taker, P);
        out.push(
          c.orderShape.verdict(
            closeOrderProblem(closed.order, {
              direction: "sell",
              amount: L3,
              contractSize: desk.market.contractSize,
            }),
            {
              exchange: closed.exchange,
              expected: `sell ${L3} limit, reduce_only, good_til_cancelled, not post_only`,
            },
          ),
        );
        const id = closed.order.order_id;
        const { orders: open } = await openOrders(desk, desk.taker);
        const resting = open.find((o) => o.order_id === id);
        const bookExchange = await desk.taker.call("public/get_order_book", {
          instrument_name: desk.market.instrument,
        });
        const book = must<{ asks?: unknown[] }>(bookExchange, "get_order_book");
        const askAtP = (book.asks ?? []).find((l) => Array.isArray(l) && sameDec(l[0], P)) as
          | unknown[]
          | undefined;
        const restsProblem =
          closed.order.order_state !== "open"
            ? `order_state is ${JSON.stringify(closed.order.order_state)}`
            : !sameDec(closed.order.filled_amount, L)
              ? `filled_amount is ${JSON.stringify(closed.order.filled_amount)}`
              : resting === undefined
                ? "the order is not among the taker's open orders"
                : askAtP === undefined || !sameDec(askAtP[1], L2)
                  ? `the book's asks at ${P} are ${JSON.stringify(askAtP ?? "absent")}`
                  : undefined;
        out.push(
          c.partialRests.verdict(restsProblem, {
            exchange: restsProblem?.startsWith("the book") ? bookExchange : closed.exchange,
            expected: `order_state open, filled_amount ${L}, resting ${L2} at ${P} (get_open_orders_by_instrument, get_order_book asks)`,
          }),
        );
        const fill = await place(desk, desk.maker, "buy", L2, P);
        const after = await orderState(desk.taker, id);
        const laterProblem =
          after.order.order_state !== "filled"
            ? `after the maker's bid of ${L2}, order_state is ${JSON.stringify(after.order.order_state)}`
            : !sameDec(after.order.filled_amount, L3)
              ? `filled_amount is ${JSON.stringify(after.order.filled_amount)}`
              : !sameDec(
                    resultOf<{ order: { filled_amount?: unknown } }>(fill.exchange).order
                      .filled_amount,
                    L2,
                  )
                ? "the maker's bid did not fill against the resting rest"
                : undefined;
        out.push(
          c.partialLaterFilled.verdict(laterProblem, {
            exchange: after.exchange,
            expected: `order_state filled, filled_amount ${L3}`,
          }),
        );
        out.push(await flatCheck(desk));
      }),
    ),
};
