import { closeOrderProblem } from "../../checks/closeOrderProblem.js";
import { closePositionChecks as c } from "../../checks/closePositionChecks.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import { addDec, dec, formatDec, isDecimal, sameDec, subDec } from "../../core/decimal.js";
import type { Scenario } from "../../core/Scenario.js";
import { type Desk, must, openPosition, place, withDesk } from "../../trading/Desk.js";
import { closeAndRead } from "./closeAndRead.js";
import { closeTimestampProblem } from "./closeTimestampProblem.js";
import { flatCheck } from "./flatCheck.js";

/**
 * A scenario closing the taker's long or short, with a price or at the best opposite price:
 * the maker provides the liquidity, the close fills whole, the position ends flat.
 */
export function basicCloseScenario(side: "long" | "short", withPrice: boolean): Scenario {
  const checks = [c.orderShape, c.price, c.fill, c.timestamps, c.realizedPnl, c.flat];
  const closing = side === "long" ? "sell" : "buy";
  return {
    name: `close-${side}-${withPrice ? "with" : "without"}-price`,
    description: `Close a ${side} position ${withPrice ? "with a price" : "without a price (best opposite price)"}: one ${closing}, filled whole, position flat`,
    checks,
    needsAccounts: true,
    run: (ctx) =>
      collectOutcomes(checks, (out) =>
        withDesk(ctx, async (desk) => {
          const L = desk.lots(1);
          const away = side === "long" ? -1 : 1;
          await openPosition(desk, "taker", side === "long" ? "buy" : "sell", L);
          // The maker's liquidity on the side the close trades against: one level at the
          // expected price and a worse one behind it that the close must not reach.
          const best = withPrice ? desk.price() : desk.price(away);
          await place(desk, desk.maker, side === "long" ? "buy" : "sell", L, best);
          await place(desk, desk.maker, side === "long" ? "buy" : "sell", L, desk.price(2 * away));
          const realizedBefore = await realizedOf(desk);
          const closed = await closeAndRead(desk, desk.taker, withPrice ? best : undefined);
          const evidence = { exchange: closed.exchange };
          out.push(
            c.orderShape.verdict(
              closeOrderProblem(closed.order, {
                direction: closing,
                amount: L,
                contractSize: desk.market.contractSize,
              }),
              {
                ...evidence,
                expected: `${closing} ${L} limit, reduce_only, good_til_cancelled, not post_only`,
              },
            ),
          );
          out.push(
            c.price.verdict(
              sameDec(closed.order.price, best)
                ? undefined
                : `price is ${JSON.stringify(closed.order.price)}`,
              {
                ...evidence,
                expected: `price ${best}${withPrice ? "" : ` (the best ${side === "long" ? "bid" : "ask"})`}`,
              },
            ),
          );
          const trades = closed.trades ?? [];
          const traded = trades.reduce((sum, t) => addDec(sum, String(t["amount"] ?? "0")), "0");
          const fillProblem =
            closed.order.order_state !== "filled"
              ? `order_state is ${JSON.stringify(closed.order.order_state)}`
              : !sameDec(closed.order.filled_amount, L)
                ? `filled_amount is ${JSON.stringify(closed.order.filled_amount)}`
                : closed.trades !== undefined && !sameDec(traded, L)
                  ? `the trades sum to ${traded}`
                  : trades.find((t) => !sameDec(t["price"], best)) !== undefined
                    ? `a trade is at ${JSON.stringify(trades.find((t) => !sameDec(t["price"], best))!["price"])}, not the resting order's price ${best}`
                    : undefined;
          out.push(
            c.fill.verdict(fillProblem, {
              ...evidence,
              expected: `order_state filled, filled_amount ${L}, trades at ${best} summing to ${L}`,
            }),
          );
          out.push(
            c.timestamps.verdict(closeTimestampProblem(closed.order, trades, Date.now()), {
              ...evidence,
              expected:
                "integer milliseconds since the epoch within 60 s of the wall clock, creation_timestamp <= last_update_timestamp",
            }),
          );
          // Opened at the base price from flat: average_price is the base price.
          const gain = side === "long" ? subDec(best, desk.price()) : subDec(desk.price(), best);
          const wantDelta = mulDecimals(gain, L);
          const realizedAfter = await realizedOf(desk);
          const delta =
            isDecimal(realizedBefore.value) && isDecimal(realizedAfter.value)
              ? subDec(realizedAfter.value, realizedBefore.value)
              : undefined;
          out.push(
            c.realizedPnl.verdict(
              delta !== undefined && sameDec(delta, wantDelta)
                ? undefined
                : `realized_profit_loss was ${JSON.stringify(realizedBefore.value)} before the close, ${JSON.stringify(realizedAfter.value)} after: it moved by ${delta ?? "?"}`,
              {
                exchange: realizedAfter.exchange,
                expected: `a move of ${wantDelta}: ${side === "long" ? "(p - average_price) * q" : "(average_price - p) * q"} with p ${best}, average_price ${desk.price()}, q ${L}`,
              },
            ),
          );
          out.push(await flatCheck(desk));
        }),
      ),
  };
}

/** The taker's realized_profit_loss in the desk's instrument, and the answer it came in. */
async function realizedOf(desk: Desk) {
  const exchange = await desk.taker.call("private/get_position", {
    instrument_name: desk.market.instrument,
  });
  const p = must<Record<string, unknown>>(exchange, "taker get_position");
  return { value: p?.["realized_profit_loss"], exchange };
}

/** a * b for two decimals, exact and canonical. */
function mulDecimals(a: string, b: string): string {
  const [x, y] = [dec(a), dec(b)];
  return formatDec({ units: x.units * y.units, scale: x.scale + y.scale });
}
