import { closeResultChecks as c } from "../../checks/closeResultChecks.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import { sameDec } from "../../core/decimal.js";
import type { Scenario } from "../../core/Scenario.js";
import { closeTradeProblem } from "../../trading/closeTradeProblem.js";
import {
  type Desk,
  must,
  openOrders,
  openPosition,
  place,
  type WireOrder,
  withDesk,
} from "../../trading/Desk.js";
import { openOrdersListingProblem } from "../../trading/openOrdersListingProblem.js";
import { orderDisagreement } from "../../trading/orderDisagreement.js";
import { closeAndRead } from "../closePosition/closeAndRead.js";

const multiChecks = [
  c.everyTrade,
  c.answerMatchesState,
  c.fillFigures,
  c.tradeFields,
  c.openOrdersListing,
];

/**
 * The taker, long 4 lots, closes at 3 ticks below the base price against the maker's bids of
 * 1 lot at 1, 2 and 3 ticks below: three trades, each at its bid's price, and 1 lot resting.
 * The answer's order is then compared with get_order_state and the open orders; its fill
 * figures and trades are judged; the maker's two bids further down, still resting, show how
 * get_open_orders_by_instrument lists.
 */
export const closeMultiLevel: Scenario = {
  name: "close-multi-level",
  description:
    "A close through three bid levels: every trade at its level's price; the answer's order agrees with get_order_state and get_open_orders_by_instrument",
  checks: multiChecks,
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(multiChecks, (out) =>
      withDesk(ctx, async (desk) => {
        const L = desk.lots(1);
        await openPosition(desk, "taker", "buy", desk.lots(4));
        const levels = [-1, -2, -3].map((k) => desk.price(k));
        for (const price of levels) await place(desk, desk.maker, "buy", L, price);
        const resting = [];
        for (const k of [-5, -6])
          resting.push((await place(desk, desk.maker, "buy", L, desk.price(k))).order.order_id);
        const closed = await closeAndRead(desk, desk.taker, desk.price(-3));
        const expected = `3 trades of ${L}, at ${levels.join(", ")} in that order`;
        if (closed.trades === undefined) {
          out.push(
            c.everyTrade.skip(
              "close_position answered no trades (the seed requires only order.order_id)",
            ),
          );
        } else {
          const got = closed.trades.map((t) => `${String(t["amount"])} at ${String(t["price"])}`);
          const problem =
            closed.trades.length !== levels.length ||
            closed.trades.some(
              (t, i) => !sameDec(t["price"], levels[i]) || !sameDec(t["amount"], L),
            )
              ? `trades: ${got.length === 0 ? "none" : got.join(", ")}`
              : undefined;
          out.push(c.everyTrade.verdict(problem, { exchange: closed.exchange, expected }));
          out.push(
            c.tradeFields.verdict(
              closeTradeProblem(closed.answered, closed.trades, {
                instrument: desk.market.instrument,
                direction: "sell",
                states: ["open", "open", "open"],
              }),
              {
                exchange: closed.exchange,
                expected:
                  'each trade with the close\'s order_id, instrument and direction, liquidity T, state open, reduce_only, not post_only, limit, label ""; distinct trade_ids, consecutive trade_seq',
              },
            ),
          );
        }
        const filled = desk.lots(3);
        const figures = (o: WireOrder, where: string) =>
          (o["filled_amount"] !== undefined && !sameDec(o["filled_amount"], filled)
            ? `filled_amount is ${JSON.stringify(o["filled_amount"])} in ${where}`
            : undefined) ??
          (o["average_price"] !== undefined && !sameDec(o["average_price"], levels[1])
            ? `average_price is ${JSON.stringify(o["average_price"])} in ${where}`
            : undefined) ??
          (o["order_state"] !== undefined && o["order_state"] !== "open"
            ? `order_state is ${JSON.stringify(o["order_state"])} in ${where}`
            : undefined);
        const figuresProblem =
          figures(closed.answered, "close_position's answer") ??
          figures(closed.stateOrder, "get_order_state");
        out.push(
          c.fillFigures.verdict(figuresProblem, {
            exchange: figuresProblem?.includes("get_order_state")
              ? closed.stateExchange
              : closed.exchange,
            expected: `filled_amount ${filled} (three fills of ${L}), average_price ${levels[1]} (their volume-weighted price), order_state open (${L} rests)`,
          }),
        );
        const state = closed.stateExchange;
        const listed = await openOrders(desk, desk.taker);
        const entry = listed.orders.find((o) => o.order_id === closed.answered.order_id);
        const stateOrder = closed.stateOrder;
        const problem =
          orderDisagreement(closed.answered, stateOrder, [
            "close_position's answer",
            "get_order_state",
          ]) ??
          (entry === undefined
            ? stateOrder["order_state"] === "open"
              ? "get_order_state says open, but get_open_orders_by_instrument does not list the order"
              : undefined
            : (orderDisagreement(closed.answered, entry, [
                "close_position's answer",
                "get_open_orders_by_instrument",
              ]) ??
              orderDisagreement(stateOrder, entry, [
                "get_order_state",
                "get_open_orders_by_instrument",
              ])));
        const makerListed = await openOrders(desk, desk.maker);
        const limitParams = { instrument_name: desk.market.instrument, type: "limit" };
        const makerLimited = await desk.maker.call(
          "private/get_open_orders_by_instrument",
          limitParams,
        );
        const takerLimited = await desk.taker.call(
          "private/get_open_orders_by_instrument",
          limitParams,
        );
        const mark = (who: string, problem: string | undefined) =>
          problem === undefined ? undefined : `the ${who}'s list: ${problem}`;
        const listingProblem =
          mark(
            "maker",
            openOrdersListingProblem(
              makerListed.orders,
              must<WireOrder[]>(makerLimited, "maker get_open_orders_by_instrument type limit"),
              resting,
            ),
          ) ??
          mark(
            "taker",
            openOrdersListingProblem(
              listed.orders,
              must<WireOrder[]>(takerLimited, "taker get_open_orders_by_instrument type limit"),
              [closed.answered.order_id],
            ),
          );
        const otherProblem = await otherInstrumentProblem(desk);
        out.push(
          c.openOrdersListing.verdict(listingProblem ?? otherProblem?.problem, {
            exchange:
              listingProblem === undefined && otherProblem
                ? otherProblem.exchange
                : makerListed.exchange,
            expected: `the maker's two resting bids (${resting.join(", ")}) oldest first, the taker's resting close, nothing else; the same with type "limit"; nothing of ${desk.market.instrument} when asked for another instrument`,
          }),
        );
        out.push(
          c.answerMatchesState.verdict(problem, {
            exchange: problem?.includes("get_open_orders") ? listed.exchange : state,
            expected:
              "the same value in every view of the order (a later update may change only what it updates)",
          }),
        );
      }),
    ),
};

/**
 * The taker's open orders asked for another instrument that get_instruments lists: none of them
 * may be of another instrument (the taker's resting close is in the desk's). Undefined when it
 * conforms or the server lists no other instrument.
 */
async function otherInstrumentProblem(desk: Desk) {
  const listing = await desk.taker.call("public/get_instruments", {});
  const names = (must<Record<string, unknown>[]>(listing, "get_instruments") ?? []).map((i) =>
    String(i["instrument_name"]),
  );
  const other = names.find((n) => n !== desk.market.instrument);
  if (other === undefined) return undefined;
  const exchange = await desk.taker.call("private/get_open_orders_by_instrument", {
    instrument_name: other,
  });
  const list = must<WireOrder[]>(exchange, `taker get_open_orders_by_instrument ${other}`);
  const stray = (Array.isArray(list) ? list : []).find((o) => o["instrument_name"] !== other);
  return stray === undefined
    ? undefined
    : {
        problem: `asked for ${other}, the taker's list has order ${stray.order_id} of ${JSON.stringify(stray["instrument_name"])}`,
        exchange,
      };
}
