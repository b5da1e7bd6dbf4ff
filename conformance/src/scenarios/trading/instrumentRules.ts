import { expectError } from "../../checks/expectations.js";
import { orderChecks as c } from "../../checks/orderChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import { addDec, cmpDec, halfDec, isDecimal, isMultiple, mulDec } from "../../core/decimal.js";
import type { Scenario } from "../../core/Scenario.js";
import { ScenarioError } from "../../core/ScenarioError.js";
import { type Exchange, resultOf } from "../../driver/Exchange.js";
import { must } from "../../trading/Desk.js";

type Instrument = Record<string, unknown>;

/**
 * On every instrument the server lists (the dated future too, not only the instrument under
 * test), a buy off the tick grid must get 10043 and one off the contract size 10027. The
 * orders are post-only with reject_post_only, so that one a server wrongly accepts never trades
 * (it is cancelled at once).
 */
export const instrumentRules: Scenario = {
  name: "instrument-rules",
  description:
    "Every listed instrument refuses a price off its tick (10043) and an amount off its contract size (10027)",
  checks: [c.priceTick, c.contractAmount],
  needsAccounts: true,
  async run(ctx) {
    const taker = await ctx.session("taker");
    const listing = await (await ctx.driver()).call("public/get_instruments", {});
    const list = must<Instrument[]>(listing, "get_instruments");
    if (!Array.isArray(list)) throw new ScenarioError("get_instruments is not a list", listing);
    const out: CheckOutcome[] = [];
    for (const inst of list) {
      const name = String(inst["instrument_name"]);
      const [tick, contract, min] = ["tick_size", "contract_size", "min_trade_amount"].map(
        (k) => inst[k],
      );
      if (![tick, contract, min].every((v) => isDecimal(v) && cmpDec(v, "0") > 0)) continue;
      let lot = contract as string;
      for (let k = 2; cmpDec(lot, min as string) < 0 || !isMultiple(lot, contract as string); k++)
        lot = mulDec(contract as string, k);
      const price = mulDec(tick as string, 100_000);
      const buy = async (amount: string, p: string) => {
        const exchange = await taker.call("private/buy", {
          instrument_name: name,
          amount,
          price: p,
          type: "limit",
          post_only: true,
          reject_post_only: true,
        });
        await cancelIfPlaced(taker.call, exchange);
        return exchange;
      };
      const offTick = await buy(lot, addDec(price, halfDec(tick as string)));
      const offContract = await buy(addDec(lot, halfDec(contract as string)), price);
      for (const outcome of [
        expectError(c.priceTick, offTick, { code: 10043 }),
        expectError(c.contractAmount, offContract, { code: 10027 }),
      ]) {
        outcome.subject = name;
        out.push(outcome);
      }
    }
    if (out.length === 0)
      throw new ScenarioError("get_instruments lists no usable instrument", listing);
    return out;
  },
};

/** A refused order leaves nothing; one a broken server accepted is cancelled. */
async function cancelIfPlaced(
  call: (method: string, params?: unknown) => Promise<Exchange>,
  exchange: Exchange,
): Promise<void> {
  const id = resultOf<{ order?: { order_id?: unknown; order_state?: unknown } }>(exchange)?.order
    ?.order_id;
  if (typeof id === "string") await call("private/cancel", { order_id: id });
}
