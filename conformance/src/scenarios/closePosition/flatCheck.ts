import { closePositionChecks as c } from "../../checks/closePositionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import { sameDec } from "../../core/decimal.js";
import { type Desk, must } from "../../trading/Desk.js";

/** close-position-flat: the taker's position reads size "0", direction zero. */
export async function flatCheck(desk: Desk): Promise<CheckOutcome> {
  const exchange = await desk.taker.call("private/get_position", {
    instrument_name: desk.market.instrument,
  });
  const p = must<Record<string, unknown>>(exchange, "get_position");
  const flat = sameDec(p["size"], "0") && p["direction"] === "zero";
  // Position's descriptions make these "0" when flat (a figure left out is the schema's to judge).
  const stale = ["average_price", "size_currency", "floating_profit_loss"].find(
    (k) => p[k] !== undefined && !sameDec(p[k], "0"),
  );
  return c.flat.verdict(
    !flat
      ? `size ${JSON.stringify(p["size"])}, direction ${JSON.stringify(p["direction"])}`
      : stale !== undefined
        ? `the flat position has ${stale} ${JSON.stringify(p[stale])}`
        : undefined,
    {
      exchange,
      expected:
        'size "0", direction "zero", average_price, size_currency and floating_profit_loss "0"',
    },
  );
}
