import { closePositionChecks as c } from "../../checks/closePositionChecks.js";
import { expectError } from "../../checks/expectations.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import { addDec, cmpDec, halfDec } from "../../core/decimal.js";
import type { Scenario } from "../../core/Scenario.js";
import { openOrders, openPosition, positionSize, withDesk } from "../../trading/Desk.js";

const CP = "private/close_position";

/** Flat position: 11030 no_open_position. */
export const closeNoPosition: Scenario = {
  name: "close-no-position",
  description: "Closing a flat position answers 11030 {reason: no_open_position}",
  checks: [c.noPosition, c.checkOrder],
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes([c.noPosition, c.checkOrder], (out) =>
      withDesk(ctx, async (desk) => {
        const inst = desk.market.instrument;
        const e = await desk.taker.call(CP, { instrument_name: inst, type: "limit" });
        out.push(
          expectError(c.noPosition, e, { code: 11030, data: { reason: "no_open_position" } }),
        );
        // Still flat: which refusal comes is the steps' order (instrument, price, position).
        const halfTick = addDec(desk.price(), halfDec(desk.market.tickSize));
        const cases: [Record<string, unknown>, number][] = [
          [{ instrument_name: inst, type: "limit", price: "0" }, 10023],
          [{ instrument_name: inst, type: "limit", price: halfTick }, 10043],
          [{ instrument_name: "NOPE-PERPETUAL", type: "limit", price: "0" }, 10020],
        ];
        let order = c.checkOrder.pass("3 refusals in the steps' order");
        for (const [params, code] of cases) {
          const outcome = expectError(c.checkOrder, await desk.taker.call(CP, params), { code });
          if (outcome.status === "failed") {
            order = outcome;
            break;
          }
        }
        out.push(order);
      }),
    ),
};

/** Unknown instrument: 10020. */
export const closeUnknownInstrument: Scenario = {
  name: "close-unknown-instrument",
  description: "Closing in an instrument the server does not list answers 10020",
  checks: [c.unknownInstrument],
  needsAccounts: true,
  async run(ctx) {
    const taker = await ctx.session("taker");
    const e = await taker.call(CP, {
      instrument_name: "NOPE-PERPETUAL",
      type: "limit",
      price: "100",
    });
    return [expectError(c.unknownInstrument, e, { code: 10020 })];
  },
};

const badPriceChecks = [c.invalidPrice, c.wrongTick, c.noLiquidity, c.rejectedNothing];

/** With a long open: bad prices and an empty book are refused, and nothing is placed. */
export const closeRefused: Scenario = {
  name: "close-refused",
  description:
    "With a long open: price 0 or negative 10023, off-tick 10043, no bids 11030 {reason: no_liquidity}; nothing placed",
  checks: badPriceChecks,
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(badPriceChecks, (out) =>
      withDesk(ctx, async (desk) => {
        const L = desk.lots(1);
        await openPosition(desk, "taker", "buy", L);
        const inst = desk.market.instrument;
        const close = (price?: string) =>
          desk.taker.call(
            CP,
            price === undefined
              ? { instrument_name: inst, type: "limit" }
              : { instrument_name: inst, type: "limit", price },
          );
        const zero = await close("0");
        const zeroOutcome = expectError(c.invalidPrice, zero, { code: 10023 });
        out.push(
          zeroOutcome.status === "failed"
            ? zeroOutcome
            : expectError(
                c.invalidPrice,
                await close(`-${desk.price()}`),
                { code: 10023 },
                'prices "0" and negative refused',
              ),
        );
        const halfTick = addDec(desk.price(), halfDec(desk.market.tickSize));
        out.push(expectError(c.wrongTick, await close(halfTick), { code: 10043 }));
        out.push(
          desk.foreign.bids.length > 0
            ? c.noLiquidity.skip(
                `other accounts bid in ${inst} (${desk.foreign.bids[0]}): the bid side cannot be empty`,
              )
            : expectError(c.noLiquidity, await close(), {
                code: 11030,
                data: { reason: "no_liquidity" },
              }),
        );
        const { orders: open, exchange } = await openOrders(desk, desk.taker);
        const size = await positionSize(desk, desk.taker);
        out.push(
          c.rejectedNothing.verdict(
            open.length > 0
              ? `the taker has ${open.length} open order(s) after refused closes: ${JSON.stringify(open[0]).slice(0, 200)}`
              : cmpDec(size, L) !== 0
                ? `the taker's position is ${size}, was ${L}`
                : undefined,
            { exchange, expected: `no open order, position still ${L}` },
          ),
        );
      }),
    ),
};
