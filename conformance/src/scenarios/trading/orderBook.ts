import { orderChecks as c } from "../../checks/orderChecks.js";
import { collectOutcomes } from "../../core/collectOutcomes.js";
import { cmpDec, isDecimal, sameDec } from "../../core/decimal.js";
import type { Scenario } from "../../core/Scenario.js";
import type { Exchange } from "../../driver/Exchange.js";
import { type Desk, must, place, withDesk } from "../../trading/Desk.js";
import { labelOutcome } from "./labelOutcome.js";

const checks = [c.bookSorted, c.bookDepth, c.bookBest, c.bookChangeId, c.cancelAnswer, c.label];
type Book = { bids?: unknown; asks?: unknown; change_id?: unknown } & Record<string, unknown>;
type Level = [string, string];

/** The first problem of one side: not a list of [price, amount] pairs, or out of order. */
function orderProblem(side: "bids" | "asks", levels: unknown): string | undefined {
  if (!Array.isArray(levels)) return `${side} is ${JSON.stringify(levels)}, not a list`;
  for (const [i, l] of levels.entries()) {
    if (!Array.isArray(l) || !isDecimal(l[0]) || !isDecimal(l[1]))
      return `${side}[${i}] is ${JSON.stringify(l)}, not [price, amount]`;
    const prev = levels[i - 1] as Level | undefined;
    if (prev !== undefined && cmpDec(l[0], prev[0]) * (side === "bids" ? -1 : 1) <= 0)
      return `${side}[${i}] at ${l[0]} comes after ${prev[0]}: ${side} must run ${side === "bids" ? "from the highest price down" : "from the lowest price up"}`;
  }
  return undefined;
}

/** The first way the side's first levels depart from `want` ([price, amount] pairs). */
function levelsProblem(side: string, levels: unknown, want: Level[], exact: boolean) {
  const got = (Array.isArray(levels) ? levels : []) as Level[];
  const head = exact ? got : got.slice(0, want.length);
  const same =
    head.length === want.length &&
    want.every(([p, a], i) => sameDec(head[i]?.[0], p) && sameDec(head[i]?.[1], a));
  return same
    ? undefined
    : `${side} ${exact ? "are" : "begin"} ${JSON.stringify(head)}, expected ${JSON.stringify(want)}`;
}

/**
 * The maker rests three bid levels and three ask levels around the base price (two orders at
 * the middle ones). The book must list them best first with summed amounts, and `depth: 2`
 * must give exactly the best two per side over the run's transport (HTTP POST or WebSocket)
 * and the HTTP GET form.
 */
export const orderBook: Scenario = {
  name: "order-book",
  description:
    "get_order_book sorted best first with aggregated levels, and depth honoured over HTTP POST, the GET form and WebSocket",
  checks,
  needsAccounts: true,
  run: (ctx) =>
    collectOutcomes(checks, (out) =>
      withDesk(ctx, async (desk) => {
        const [L, L2] = [desk.lots(1), desk.lots(2)];
        const inst = desk.market.instrument;
        const before = await desk.taker.call("public/get_order_book", { instrument_name: inst });
        const placed: Record<string, string> = {};
        for (const k of [1, 2, 2, 3]) {
          placed[`bid ${k}`] = (
            await place(desk, desk.maker, "buy", L, desk.price(-k))
          ).order.order_id;
          await place(desk, desk.maker, "sell", L, desk.price(k));
        }
        const bids: Level[] = [
          [desk.price(-1), L],
          [desk.price(-2), L2],
          [desk.price(-3), L],
        ];
        const asks: Level[] = [
          [desk.price(1), L],
          [desk.price(2), L2],
          [desk.price(3), L],
        ];
        const full = await desk.taker.call("public/get_order_book", { instrument_name: inst });
        const book = must<Book>(full, "get_order_book") ?? {};
        const sortedProblem =
          orderProblem("bids", book.bids) ??
          orderProblem("asks", book.asks) ??
          levelsProblem("bids", book.bids, bids, false) ??
          levelsProblem("asks", book.asks, asks, false);
        out.push(
          c.bookSorted.verdict(sortedProblem, {
            exchange: full,
            expected: `bids beginning ${JSON.stringify(bids)}, asks beginning ${JSON.stringify(asks)}, each side best first`,
          }),
        );
        out.push(bestOutcome(book, full));
        const was = must<Book>(before, "get_order_book before placing")?.change_id;
        const now = book.change_id;
        out.push(
          c.bookChangeId.verdict(
            typeof was === "number" && typeof now === "number" && now > was
              ? undefined
              : `change_id was ${JSON.stringify(was)} before the maker placed 8 orders, ${JSON.stringify(now)} after`,
            { exchange: full, expected: `a change_id greater than ${JSON.stringify(was)}` },
          ),
        );
        out.push(await depthOutcome(desk, bids.slice(0, 2), asks.slice(0, 2)));
        out.push(await cancelOutcome(desk, placed["bid 3"]!, desk.price(-3)));
        out.push(await labelOutcome(desk));
      }),
    ),
};

/** book-depth: `depth: 2` over the run's transport and the HTTP GET form. */
async function depthOutcome(desk: Desk, bids: Level[], asks: Level[]) {
  const inst = desk.market.instrument;
  const reads: [string, Exchange][] = [
    [
      desk.ctx.transport === "ws" ? "WebSocket" : "HTTP POST /api/v2",
      await desk.taker.call("public/get_order_book", { instrument_name: inst, depth: 2 }),
    ],
    [
      "HTTP GET /api/v2/public/get_order_book",
      await desk.ctx.http().request({
        httpMethod: "GET",
        path: `/api/v2/public/get_order_book?instrument_name=${encodeURIComponent(inst)}&depth=2`,
      }),
    ],
  ];
  for (const [how, exchange] of reads) {
    const book = must<Book>(exchange, `get_order_book depth 2 over ${how}`) ?? {};
    const problem =
      levelsProblem("bids", book.bids, bids, true) ?? levelsProblem("asks", book.asks, asks, true);
    if (problem !== undefined)
      return c.bookDepth.fail(`depth 2 over ${how}: ${problem}`, {
        exchange,
        expected: `exactly the best two levels per side: bids ${JSON.stringify(bids)}, asks ${JSON.stringify(asks)}`,
      });
  }
  return c.bookDepth.pass("depth 2 honoured over the run's transport and the GET form");
}

/** book-best-prices: the best_* members are the first level of each side. */
function bestOutcome(book: Book, exchange: Exchange) {
  const sides = [
    ["bid", book.bids],
    ["ask", book.asks],
  ] as const;
  for (const [side, levels] of sides) {
    const first = (Array.isArray(levels) ? levels[0] : undefined) as Level | undefined;
    const price = book[`best_${side}_price`];
    const amount = book[`best_${side}_amount`];
    const same =
      first === undefined
        ? price === null && sameDec(amount, "0")
        : sameDec(price, first[0]) && sameDec(amount, first[1]);
    if (!same)
      return c.bookBest.fail(
        `best_${side}_price ${JSON.stringify(price)}, best_${side}_amount ${JSON.stringify(amount)}; the first ${side} level is ${JSON.stringify(first ?? null)}`,
        { exchange, expected: "the first level of each side as best_*_price and best_*_amount" },
      );
  }
  return c.bookBest.pass();
}

/** cancel-answer: the maker cancels its lone bid three ticks down; the answer and the book. */
async function cancelOutcome(desk: Desk, orderId: string, price: string) {
  const exchange = await desk.maker.call("private/cancel", { order_id: orderId });
  const o = must<Record<string, unknown>>(exchange, `maker cancel ${orderId}`) ?? {};
  const expected = `order ${orderId} with order_state "cancelled", cancel_reason "user_request", and no bid left at ${price}`;
  const problem =
    o["order_id"] !== orderId
      ? `the answer's order_id is ${JSON.stringify(o["order_id"])}`
      : o["order_state"] !== "cancelled"
        ? `the answer's order_state is ${JSON.stringify(o["order_state"])}`
        : o["cancel_reason"] !== "user_request"
          ? `the answer's cancel_reason is ${JSON.stringify(o["cancel_reason"])}`
          : undefined;
  if (problem !== undefined) return c.cancelAnswer.fail(problem, { exchange, expected });
  const read = await desk.taker.call("public/get_order_book", {
    instrument_name: desk.market.instrument,
  });
  const bids = (must<Book>(read, "get_order_book after the cancel")?.bids ?? []) as Level[];
  return bids.some((l) => sameDec(l?.[0], price))
    ? c.cancelAnswer.fail(`the book still has a bid at ${price} after the cancel`, {
        exchange: read,
        expected,
      })
    : c.cancelAnswer.pass();
}
