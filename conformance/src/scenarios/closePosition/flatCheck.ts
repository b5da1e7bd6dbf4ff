import { closePositionChecks as c } from "../../checks/closePositionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import { sameDec } from "../../core/decimal.js";
import { type Desk, must } from "../../trading/Desk.js";

/** close-position-flat: the taker's position reads size "0", direction zero. */
export async function flatCheck(desk: Desk): Promise<CheckOutcome> {
  const exchange = await desk.taker.call("private/get_position", {
    instrument_name: desk.market.instrument,
  });
  const p = must<{ size?: unknown; direction?: unknown }>(exchange, "get_position");
  const flat = sameDec(p.size, "0") && p.direction === "zero";
  return c.flat.verdict(
    flat ? undefined : `size ${JSON.stringify(p.size)}, direction ${JSON.stringify(p.direction)}`,
    {
      exchange,
      expected: 'size "0", direction "zero"',
    },
  );
}
