import { expectError } from "../../checks/expectations.js";
import { positionChecks as c } from "../../checks/positionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import { addDec, isDecimal, sameDec, subDec } from "../../core/decimal.js";
import type { AccountSession } from "../../core/RunContext.js";
import type { Scenario } from "../../core/Scenario.js";
import type { Exchange } from "../../driver/Exchange.js";
import { type Desk, must, place, withDesk } from "../../trading/Desk.js";
import { PositionModel } from "../../trading/PositionModel.js";
import { positionSideProblem, positionsListProblem, totalPnlProblem } from "./positionProblems.js";

const checks = Object.values(c);
type Pos = {
  size?: unknown;
  average_price?: unknown;
  realized_profit_loss?: unknown;
} & Record<string, unknown>;

/** A problem and the exchange that shows it. */
interface Found {
  problem: string;
  exchange: Exchange;
}

/**
 * The taker buys 1 lot at the base price and 1 two ticks up from the maker (average one tick
 * up), sells 1 four ticks up (a partial reduction), then 3 two ticks down (closing 1, flipping
 * to a short of 2). After each step both accounts' positions are compared with the spec's
 * definitions, computed exactly ({@link PositionModel}).
 */
export const positionBookkeeping: Scenario = {
  name: "position-bookkeeping",
  description:
    "Trades at different prices: average_price weighted, kept by a partial reduction, restarted by a flip; realized_profit_loss per reducing fill; signed sizes summing to zero; 10020 for an unknown instrument",
  checks,
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(checks, (out) =>
      withDesk(ctx, async (desk) => {
        out.push(
          expectError(
            c.unknownInstrument,
            await desk.taker.call("private/get_position", { instrument_name: "NOPE-PERPETUAL" }),
            { code: 10020 },
          ),
        );
        const read = async (who: AccountSession) => {
          const exchange = await who.call("private/get_position", {
            instrument_name: desk.market.instrument,
          });
          return { p: must<Pos>(exchange, `${who.role} get_position`) ?? {}, exchange };
        };
        const start = { maker: await read(desk.maker), taker: await read(desk.taker) };
        // The maker is flat unless other accounts traded with it: its model then starts where it
        // is, for its size only (a printed average is rounded, so figures built on it are not exact).
        const from = (p: Pos) =>
          isDecimal(p.size) && isDecimal(p.average_price)
            ? new PositionModel(p.size, p.average_price)
            : new PositionModel();
        const models = { maker: from(start.maker.p), taker: from(start.taker.p) };
        const exact = {
          maker: sameDec(start.maker.p.size, "0"),
          taker: sameDec(start.taker.p.size, "0"),
        };
        const found: Record<
          "average" | "realized" | "signed" | "total" | "list",
          Found | undefined
        > = {
          average: undefined,
          realized: undefined,
          signed: undefined,
          total: undefined,
          list: undefined,
        };
        const note = (key: keyof typeof found, problem: string | undefined, exchange: Exchange) => {
          if (problem !== undefined) found[key] ??= { problem, exchange };
        };
        const trade = async (makerSide: "buy" | "sell", lots: number, ticks: number) => {
          const [amount, price] = [desk.lots(lots), desk.price(ticks)];
          const takerSide = makerSide === "buy" ? "sell" : "buy";
          await place(desk, desk.maker, makerSide, amount, price);
          await place(desk, desk.taker, takerSide, amount, price);
          models.maker.fill(makerSide, amount, price);
          models.taker.fill(takerSide, amount, price);
        };
        /** Both accounts' positions against the models, after `step`. */
        const judge = async (step: string, what: { average: string; realized: boolean }) => {
          for (const role of ["taker", "maker"] as const) {
            const { p, exchange } = await read(desk.session(role));
            const m = models[role];
            note(
              "signed",
              sameDec(p.size, m.sizeText)
                ? undefined
                : `after ${step}, the ${role}'s get_position size is ${JSON.stringify(p.size)}, expected ${m.sizeText}`,
              exchange,
            );
            const sideProblem = positionSideProblem(p);
            note("signed", sideProblem && `after ${step}, the ${role}'s ${sideProblem}`, exchange);
            const totalProblem = totalPnlProblem(p);
            note("total", totalProblem && `after ${step}, the ${role}'s ${totalProblem}`, exchange);
            if (!exact[role]) continue;
            note(
              "average",
              sameDec(p.average_price, m.averageText)
                ? undefined
                : `after ${step}, the ${role}'s average_price is ${JSON.stringify(p.average_price)}, expected ${m.averageText} (${what.average})`,
              exchange,
            );
            if (!what.realized) continue;
            const before = start[role].p.realized_profit_loss;
            const now = p.realized_profit_loss;
            const delta = isDecimal(before) && isDecimal(now) ? subDec(now, before) : undefined;
            note(
              "realized",
              delta !== undefined && sameDec(delta, m.realizedText)
                ? undefined
                : `after ${step}, the ${role}'s realized_profit_loss is ${JSON.stringify(now)}, was ${JSON.stringify(before)} when the scenario began: it moved by ${delta ?? "?"}, expected ${m.realizedText} (so ${isDecimal(before) ? addDec(before, m.realizedText) : "?"})`,
              exchange,
            );
          }
        };
        await trade("sell", 1, 0);
        await trade("sell", 1, 2);
        await judge("buying 1 lot at the base price and 1 two ticks up", {
          average: "the volume-weighted price of the two buys",
          realized: false,
        });
        await signedInPositions(desk, models, start, note);
        note("list", ...(await positionsListProblem(desk)));
        await trade("buy", 1, 4);
        await judge("selling 1 of 2 lots four ticks up", {
          average: "a partial reduction leaves it unchanged",
          realized: true,
        });
        await trade("buy", 3, -2);
        await judge("selling 3 lots with 1 held, two ticks down", {
          average: "a flip starts it afresh at the flip's price",
          realized: true,
        });
        // get_positions again, after the flip: a list cached from the first read shows here.
        await signedInPositions(desk, models, start, note);
        const verdict = (check: typeof c.averagePrice, f: Found | undefined, expected: string) =>
          check.verdict(f?.problem, f === undefined ? {} : { exchange: f.exchange, expected });
        const outcomes: CheckOutcome[] = [
          verdict(
            c.averagePrice,
            found.average,
            "average_price as Position defines it, computed exactly from the scenario's trades",
          ),
          verdict(
            c.realizedPnl,
            found.realized,
            "realized_profit_loss moved by the sum of (p - average_price) * q (long) or (average_price - p) * q (short) over the reducing fills",
          ),
          verdict(
            c.signedSizes,
            found.signed,
            "signed sizes (negative when short) summing to zero over the two accounts, direction and size_currency following the sign",
          ),
          verdict(
            c.totalPnl,
            found.total,
            "total_profit_loss = realized_profit_loss + floating_profit_loss",
          ),
          verdict(
            c.positionsList,
            found.list,
            "one position per instrument get_instruments lists, flat ones included",
          ),
        ];
        out.push(...outcomes);
      }),
    ),
};

/** get_positions of both accounts: the traded instrument's signed sizes, summing to zero. */
async function signedInPositions(
  desk: Desk,
  models: Record<"maker" | "taker", PositionModel>,
  start: Record<"maker" | "taker", { p: Pos }>,
  note: (key: "signed", problem: string | undefined, exchange: Exchange) => void,
): Promise<void> {
  const seen: { role: string; size: unknown; want: string; exchange: Exchange }[] = [];
  for (const role of ["maker", "taker"] as const) {
    const exchange = await desk.session(role).call("private/get_positions", {});
    const list = must<unknown>(exchange, `${role} get_positions`);
    const mine = Array.isArray(list)
      ? (list as Record<string, unknown>[]).find(
          (p) => p?.["instrument_name"] === desk.market.instrument,
        )
      : undefined;
    seen.push({ role, size: mine?.["size"], want: models[role].sizeText, exchange });
  }
  // Trades between the two leave their sum where it was: 0, unless other accounts traded
  // with the maker before.
  const listed = seen.map((s) => `the ${s.role}'s ${JSON.stringify(s.size)}`).join(", ");
  const sum = seen.every((s) => isDecimal(s.size))
    ? seen.reduce((a, s) => addDec(a, s.size as string), "0")
    : undefined;
  const before = [start.maker.p.size, start.taker.p.size];
  const was = before.every(isDecimal) ? addDec(before[0] as string, before[1] as string) : "0";
  if (sum === undefined || !sameDec(sum, was)) {
    note(
      "signed",
      `get_positions lists ${desk.market.instrument} with sizes ${listed}: they sum to ${sum ?? "?"}, not ${was}`,
      seen[0]!.exchange,
    );
  }
  for (const s of seen) {
    if (!sameDec(s.size, s.want))
      note(
        "signed",
        `the ${s.role}'s get_positions lists ${desk.market.instrument} with size ${JSON.stringify(s.size)}, expected ${s.want}`,
        s.exchange,
      );
  }
}
