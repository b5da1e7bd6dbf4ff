import { reduceOnlyChecks as c } from "../../checks/closePositionChecks.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import { sameDec } from "../../core/decimal.js";
import type { Scenario } from "../../core/Scenario.js";
import { openPosition, orderState, place, positionSize, withDesk } from "../../trading/Desk.js";
import { closeAndRead } from "./closeAndRead.js";

const checks = [c.selfTradeCancels, c.selfTradeContinues];

/**
 * The taker, long 1 lot, has its own bid one tick below the base price; the maker bids two
 * ticks below. Closing at two ticks below meets the taker's own bid first: it must be
 * cancelled (self_trade) and the close must trade with the maker.
 */
export const selfTrade: Scenario = {
  name: "self-trade",
  description:
    "The closing order cancels its own account's resting bid (self_trade) and trades with the other account",
  checks,
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(checks, (out) =>
      withDesk(ctx, async (desk) => {
        const L = desk.lots(1);
        await openPosition(desk, "taker", "buy", L);
        const own = await place(desk, desk.taker, "buy", L, desk.price(-1));
        await place(desk, desk.maker, "buy", L, desk.price(-2));
        const closed = await closeAndRead(desk, desk.taker, desk.price(-2));
        const mine = await orderState(desk.taker, own.order.order_id);
        out.push(
          c.selfTradeCancels.verdict(
            mine.order.order_state !== "cancelled" || mine.order.cancel_reason !== "self_trade"
              ? `the taker's own bid: order_state ${JSON.stringify(mine.order.order_state)}, cancel_reason ${JSON.stringify(mine.order.cancel_reason)}, filled_amount ${JSON.stringify(mine.order.filled_amount)}`
              : undefined,
            {
              exchange: mine.exchange,
              expected: 'order_state "cancelled", cancel_reason "self_trade", nothing filled',
            },
          ),
        );
        const size = await positionSize(desk, desk.taker);
        const trades = closed.trades ?? [];
        const problem =
          closed.order.order_state !== "filled"
            ? `the close order's state is ${JSON.stringify(closed.order.order_state)}`
            : trades.some((t) => !sameDec(t["price"], desk.price(-2)))
              ? `a trade at ${JSON.stringify(trades.find((t) => !sameDec(t["price"], desk.price(-2)))!["price"])}`
              : !sameDec(size, "0")
                ? `the taker's position is ${size}`
                : undefined;
        out.push(
          c.selfTradeContinues.verdict(problem, {
            exchange: closed.exchange,
            expected: `the close fills ${L} at ${desk.price(-2)} against the maker; the taker ends flat`,
          }),
        );
      }),
    ),
};
