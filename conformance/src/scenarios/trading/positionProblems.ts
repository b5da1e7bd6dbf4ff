import { cmpDec, isDecimal, subDec } from "../../core/decimal.js";
import type { Exchange } from "../../driver/Exchange.js";
import { type Desk, must } from "../../trading/Desk.js";

type Pos = Record<string, unknown>;

const signOf = (d: string) => cmpDec(d, "0");

/**
 * How a position's `direction` or `size_currency` departs from its signed `size` (`buy` long,
 * `sell` short, `zero` flat; `size_currency` signed like `size`, whatever the mark price);
 * undefined when they agree or `size` is not a decimal.
 */
export function positionSideProblem(p: Pos): string | undefined {
  const size = p["size"];
  if (!isDecimal(size)) return undefined;
  const want = ["sell", "zero", "buy"][signOf(size) + 1];
  if (p["direction"] !== want)
    return `position has size ${size} but direction ${JSON.stringify(p["direction"])}, expected ${want}`;
  const inBase = p["size_currency"];
  if (isDecimal(inBase) && signOf(inBase) * signOf(size) < 0)
    return `position has size ${size} but size_currency ${inBase} (signed like size)`;
  return undefined;
}

/**
 * How far the printed figures may disagree: each of the three is rounded half-up to 8 decimal
 * places, so the sum of two rounded figures is within 1.5 units of the 8th place of the rounded total.
 */
const ROUNDING = "0.000000015";

/**
 * How `total_profit_loss` departs from `realized_profit_loss + floating_profit_loss` by more than
 * the rounding of the three printed figures; undefined when it does not (or one is missing).
 */
export function totalPnlProblem(p: Pos): string | undefined {
  const [r, f, t] = [p["realized_profit_loss"], p["floating_profit_loss"], p["total_profit_loss"]];
  if (!isDecimal(r) || !isDecimal(f) || !isDecimal(t)) return undefined;
  const gap = subDec(subDec(t, r), f);
  const off = cmpDec(gap.replace(/^-/, ""), ROUNDING) > 0;
  return off
    ? `total_profit_loss is ${t}, realized_profit_loss ${r} + floating_profit_loss ${f} = ${subDec(t, gap)}`
    : undefined;
}

/**
 * How the taker's get_positions departs from one position per instrument of get_instruments,
 * without filters and with the instrument's base currency; `[undefined, ...]` when it
 * conforms. The order is not judged.
 */
export async function positionsListProblem(desk: Desk): Promise<[string | undefined, Exchange]> {
  const listing = await desk.taker.call("public/get_instruments", {});
  const instruments = must<Pos[]>(listing, "get_instruments");
  const exchange = await desk.taker.call("private/get_positions", {});
  const positions = must<Pos[]>(exchange, "taker get_positions");
  if (!Array.isArray(instruments) || !Array.isArray(positions)) return [undefined, exchange];
  const names = (list: Pos[], key: string) => list.map((x) => String(x[key])).sort();
  const want = names(instruments, "instrument_name");
  const got = names(positions, "instrument_name");
  if (JSON.stringify(got) !== JSON.stringify(want))
    return [
      `get_positions lists ${JSON.stringify(got)}; get_instruments lists ${JSON.stringify(want)}`,
      exchange,
    ];
  // With a currency: the instruments of that base currency only (get_instruments' filter).
  const currency = instruments.find((i) => i["instrument_name"] === desk.market.instrument)?.[
    "base_currency"
  ];
  if (typeof currency !== "string") return [undefined, exchange];
  const byCurrency = { currency };
  const filtered = must<Pos[]>(
    await desk.taker.call("public/get_instruments", byCurrency),
    `get_instruments ${currency}`,
  );
  const mine = await desk.taker.call("private/get_positions", byCurrency);
  const listed = must<Pos[]>(mine, `taker get_positions ${currency}`);
  if (!Array.isArray(filtered) || !Array.isArray(listed)) return [undefined, mine];
  const [wantC, gotC] = [names(filtered, "instrument_name"), names(listed, "instrument_name")];
  return [
    JSON.stringify(gotC) === JSON.stringify(wantC)
      ? undefined
      : `get_positions {currency: ${currency}} lists ${JSON.stringify(gotC)}; get_instruments {currency: ${currency}} lists ${JSON.stringify(wantC)}`,
    mine,
  ];
}
