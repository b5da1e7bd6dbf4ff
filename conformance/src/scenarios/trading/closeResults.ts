import { closePositionChecks as cp } from "../../checks/closePositionChecks.js";
import { closeResultChecks as c } from "../../checks/closeResultChecks.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import { sameDec } from "../../core/decimal.js";
import type { Scenario } from "../../core/Scenario.js";
import { openOrders, openPosition, place, withDesk } from "../../trading/Desk.js";
import { closeAndRead } from "../closePosition/closeAndRead.js";

/**
 * The taker, long 1 lot, bids 1 tick below the base price itself; the maker bids 2 below.
 * Closing without a price must take the taker's own bid as the best bid (the close then
 * cancels that bid as a self-trade and rests there).
 */
export const closeOwnBestPrice: Scenario = {
  name: "close-own-best-price",
  description:
    "Without a price, the caller's own best bid sets the close's price (the spec counts its own orders)",
  checks: [c.ownOrdersPrice, cp.partialRests],
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes([c.ownOrdersPrice, cp.partialRests], (out) =>
      withDesk(ctx, async (desk) => {
        const L = desk.lots(1);
        await openPosition(desk, "taker", "buy", L);
        await place(desk, desk.taker, "buy", L, desk.price(-1));
        await place(desk, desk.maker, "buy", L, desk.price(-2));
        const closed = await closeAndRead(desk, desk.taker);
        out.push(
          c.ownOrdersPrice.verdict(
            sameDec(closed.order.price, desk.price(-1))
              ? undefined
              : `the close's price is ${JSON.stringify(closed.order.price)}`,
            {
              exchange: closed.exchange,
              expected: `price ${desk.price(-1)}, the taker's own bid (the best bid; the maker's is ${desk.price(-2)})`,
            },
          ),
        );
        // Nothing fills (its own bid is cancelled, the maker's is below): without a price too,
        // the order rests whole at the price it took, like any good_til_cancelled limit order.
        const listed = await openOrders(desk, desk.taker);
        const isListed = listed.orders.some((o) => o.order_id === closed.answered.order_id);
        const rests = closed.stateOrder.order_state === "open" && isListed;
        out.push(
          cp.partialRests.verdict(
            rests
              ? undefined
              : `without a price, the close is ${JSON.stringify(closed.stateOrder.order_state)} in get_order_state and ${isListed ? "" : "not "}among the open orders`,
            {
              exchange: closed.stateExchange,
              expected: `the close open and listed, resting ${L} at ${desk.price(-1)}`,
            },
          ),
        );
      }),
    ),
};
