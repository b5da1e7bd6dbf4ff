import { isDeepStrictEqual } from "node:util";
import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import { sameDec } from "../../core/decimal.js";
import type { RunContext } from "../../core/RunContext.js";
import { ScenarioError } from "../../core/ScenarioError.js";
import { type Exchange, hasResult, resultOf } from "../../driver/Exchange.js";
import { BookReplica } from "../../trading/BookReplica.js";
import { must, openPosition, place, type WireOrder, withDesk } from "../../trading/Desk.js";
import { type Notice, openSubscriber } from "../../trading/openSubscriber.js";
import { orderDisagreement } from "../../trading/orderDisagreement.js";
import { withNotices } from "./evidence.js";
import { describeNotices, notificationProblem } from "./notificationProblems.js";

/** The checks the close feed reports. */
export const closeFeedChecks = [
  c.subscribeAnswer,
  c.notificationSchema,
  c.label,
  c.closeOrder,
  c.closeTrades,
  c.changesFlat,
  c.bookSnapshot,
  c.bookChain,
  c.bookConsistent,
  c.publicTrades,
  c.beforeResponse,
  c.kindCurrency,
  c.isolated,
] as const;

const LABEL = "unwind-conf";
const DEPTH = 1000;
type Trade = Record<string, unknown>;
/** The kind/currency forms of user.orders and user.trades that match every instrument. */
const ANY_ORDERS = "user.orders.any.any.raw";
const ANY_TRADES = "user.trades.any.any.raw";

/**
 * Where the data of a kind/currency channel (only the items of `instrument`: the account may
 * trade others) differs from the instrument channel's, message for message; undefined when equal.
 */
function aliasProblem(
  alias: string,
  aliased: readonly unknown[],
  original: string,
  data: readonly unknown[],
  instrument: string,
): string | undefined {
  const ofInstrument = (d: unknown) =>
    Array.isArray(d)
      ? d.some((t) => (t as Trade)?.["instrument_name"] === instrument)
      : (d as Trade | null)?.["instrument_name"] === instrument;
  const mine = aliased.filter(ofInstrument);
  if (data.length === 0) return `${original} brought nothing to compare ${alias} with`;
  for (let i = 0; i < data.length; i++) {
    if (i >= mine.length)
      return `${alias} brought ${mine.length} notifications of ${instrument}, ${original} ${data.length}`;
    if (!isDeepStrictEqual(mine[i], data[i]))
      return `notification ${i + 1}: ${JSON.stringify(mine[i])} on ${alias}, ${JSON.stringify(data[i])} on ${original}`;
  }
  return mine.length > data.length
    ? `${alias} brought ${mine.length} notifications of ${instrument}, ${original} ${data.length}`
    : undefined;
}

/** The problem with a subscribe answer: not the channels asked for, or not a list. */
function answerProblem(exchange: Exchange, channels: readonly string[]): string | undefined {
  if (!hasResult(exchange)) return `subscribe failed: ${exchange.responseText ?? exchange.error}`;
  const got = resultOf<unknown>(exchange);
  if (!Array.isArray(got)) return `the result is ${JSON.stringify(got)}, not a list of channels`;
  const want = [...channels].sort();
  const have = [...got].map(String).sort();
  return JSON.stringify(want) === JSON.stringify(have)
    ? undefined
    : `the result lists ${JSON.stringify(got)}, subscribed were ${JSON.stringify(channels)}`;
}

/** The order ids a notification mentions (orders, trades' order_id, user.changes' lists). */
function orderIdsIn(data: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v !== null && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o["order_id"] === "string") out.push(o["order_id"]);
      for (const key of ["orders", "trades"]) if (Array.isArray(o[key])) visit(o[key]);
    }
  };
  visit(data);
  return out;
}

/** The members of `o` that the spec's schema `name` declares (extra members are not judged). */
function declared(
  ctx: RunContext,
  name: string,
  o: Record<string, unknown>,
): Record<string, unknown> {
  const properties = ctx.spec.schema(name)?.["properties"] as Record<string, unknown> | undefined;
  if (properties === undefined) return o;
  return Object.fromEntries(Object.entries(o).filter(([k]) => k in properties));
}

/** Whether two trades agree on every member of `a` (decimals as numbers). */
function tradeDisagreement(a: Trade, b: Trade, names: [string, string]): string | undefined {
  for (const [key, value] of Object.entries(a)) {
    const other = b[key];
    const same =
      typeof value === "string" && typeof other === "string" && sameDec(value, other)
        ? true
        : JSON.stringify(value) === JSON.stringify(other);
    if (!same)
      return `trade ${String(a["trade_id"])}: ${key} is ${JSON.stringify(value)} in ${names[0]} but ${other === undefined ? "absent" : JSON.stringify(other)} in ${names[1]}`;
  }
  return undefined;
}

/**
 * The taker (long 2 lots) closes through the maker's bids at one and two ticks below the base
 * price, on a connection subscribed to its user.* channels (with a label) and the book and
 * trades channels; the maker's connection subscribes to its own user.* channels and an
 * anonymous one to the book and trades. Then every notification is judged against the answers
 * and against get_order_state and get_order_book read afterwards.
 */
export function closeFeed(ctx: RunContext, out: CheckOutcome[]): Promise<void> {
  return withDesk(ctx, async (desk) => {
    const I = desk.market.instrument;
    const L = desk.lots(1);
    const user = ["user.orders", "user.trades", "user.changes"].map((k) => `${k}.${I}.raw`);
    const [orders, trades, changes] = user as [string, string, string];
    const book = `book.${I}.raw`;
    const publicTrades = `trades.${I}.raw`;

    await openPosition(desk, "taker", "buy", desk.lots(2));
    const ask = await place(desk, desk.maker, "sell", L, desk.price(6));
    const makerIds = new Set<string>([ask.order.order_id]);

    const taker = await openSubscriber(ctx, "taker");
    const maker = await openSubscriber(ctx, "maker");
    const anon = await openSubscriber(ctx, "anonymous");
    const takerChannels = [...user, book, publicTrades];
    const makerChannels = [...user, ANY_ORDERS, ANY_TRADES];
    const subs = {
      taker: await taker.call("private/subscribe", { channels: takerChannels, label: LABEL }),
      maker: await maker.call("private/subscribe", { channels: makerChannels }),
      anon: await anon.call("public/subscribe", { channels: [book, publicTrades] }),
    };
    const subscribeProblem =
      answerProblem(subs.taker, takerChannels) ??
      answerProblem(subs.maker, makerChannels) ??
      answerProblem(subs.anon, [book, publicTrades]);
    const badSub = [subs.taker, subs.maker, subs.anon].find(
      (e) => answerProblem(e, []) !== undefined && !hasResult(e),
    );
    out.push(
      c.subscribeAnswer.verdict(subscribeProblem, {
        exchange: badSub ?? subs.taker,
        expected: "the list of the channels asked for",
      }),
    );
    if (badSub !== undefined) throw new ScenarioError("subscribe failed", badSub);

    // The snapshot follows the subscribe answer; get_order_book's answer comes after it.
    const before = await anon.call("public/get_order_book", { instrument_name: I, depth: DEPTH });
    const bookBefore = must<{ bids: unknown; asks: unknown }>(before, "get_order_book");

    const bids = [desk.price(-1), desk.price(-2)];
    for (const price of bids)
      makerIds.add((await place(desk, desk.maker, "buy", L, price)).order.order_id);
    const close = await taker.call("private/close_position", {
      instrument_name: I,
      type: "limit",
      price: desk.price(-2),
    });
    const closed = must<{ order?: WireOrder; trades?: Trade[] }>(close, "taker close_position");
    const answered = closed?.order;
    if (answered === undefined || typeof answered?.order_id !== "string")
      throw new ScenarioError("close_position's result has no order.order_id", close);
    const closeId = answered.order_id;
    const stateExchange = await taker.call("private/get_order_state", { order_id: closeId });
    const stateOrder = must<WireOrder>(stateExchange, "get_order_state of the close order");
    const after = await anon.call("public/get_order_book", { instrument_name: I, depth: DEPTH });
    const bookAfter = must<{ bids: unknown; asks: unknown }>(after, "get_order_book");
    const fences = {
      taker: await taker.fence(),
      maker: await maker.fence(),
      anon: await anon.fence(),
    };
    const evidence = (exchange: Exchange, notices: readonly Notice[]) =>
      withNotices(exchange, notices);

    // Every notification: on a channel subscribed, valid against its x-channels schema.
    const schemaProblem =
      notificationProblem(ctx.spec, taker.notices(), new Set(takerChannels), "the taker") ??
      notificationProblem(ctx.spec, maker.notices(), new Set(makerChannels), "the maker") ??
      notificationProblem(
        ctx.spec,
        anon.notices(),
        new Set([book, publicTrades]),
        "the anonymous connection",
      );
    const allNotices = [...taker.notices(), ...maker.notices(), ...anon.notices()];
    out.push(
      c.notificationSchema.verdict(schemaProblem, {
        exchange: evidence(subs.taker, allNotices),
        expected: "every data valid against its channel's schema in x-channels",
      }),
    );

    // The label on the taker's private notifications (and only there).
    const privateNotices = taker.notices().filter((n) => n.params.channel.startsWith("user."));
    const unlabelled = privateNotices.find((n) => n.params.label !== LABEL);
    out.push(
      c.label.verdict(
        privateNotices.length === 0
          ? "the taker got no user.* notification to carry the label"
          : unlabelled === undefined
            ? undefined
            : `a notification on ${unlabelled.params.channel} has label ${JSON.stringify(unlabelled.params.label)}`,
        {
          exchange: evidence(subs.taker, unlabelled ? [unlabelled] : []),
          expected: `params.label "${LABEL}"`,
        },
      ),
    );

    // user.orders: the close order as answered and as get_order_state reads it afterwards.
    const orderNotices = taker
      .notices(orders)
      .filter((n) => (n.params.data as WireOrder | null)?.order_id === closeId);
    const lastOrder = orderNotices.at(-1)?.params.data as WireOrder | undefined;
    out.push(
      c.closeOrder.verdict(
        lastOrder === undefined
          ? `no user.orders notification of the close order ${closeId} came`
          : (orderDisagreement(declared(ctx, "Order", answered), lastOrder, [
              "close_position's answer",
              "user.orders",
            ]) ??
              orderDisagreement(declared(ctx, "Order", lastOrder), stateOrder, [
                "user.orders",
                "get_order_state",
              ]) ??
              orderDisagreement(declared(ctx, "Order", stateOrder), lastOrder, [
                "get_order_state",
                "user.orders",
              ])),
        {
          exchange: evidence(close, orderNotices),
          expected:
            "the order's state after the close, the same in the answer, user.orders and get_order_state",
        },
      ),
    );

    // user.trades: exactly the answer's trades.
    const answerTrades = Array.isArray(closed.trades) ? closed.trades : undefined;
    const tradeNotices = taker.notices(trades);
    const notified = tradeNotices.flatMap((n) =>
      Array.isArray(n.params.data) ? (n.params.data as Trade[]) : [],
    );
    if (answerTrades === undefined) {
      out.push(
        c.closeTrades.skip(
          "close_position answered no trades (the spec requires only order.order_id)",
        ),
      );
    } else {
      const ids = (ts: Trade[]) => ts.map((t) => String(t["trade_id"])).join(", ");
      let problem: string | undefined =
        notified.length !== answerTrades.length
          ? `user.trades brought ${notified.length} trades (${ids(notified)}), the answer ${answerTrades.length} (${ids(answerTrades)})`
          : undefined;
      for (const t of answerTrades) {
        if (problem !== undefined) break;
        const n = notified.find((x) => x["trade_id"] === t["trade_id"]);
        problem =
          n === undefined
            ? `trade ${String(t["trade_id"])} of the answer never came on user.trades`
            : (tradeDisagreement(declared(ctx, "Trade", t), n, [
                "close_position's answer",
                "user.trades",
              ]) ??
              tradeDisagreement(declared(ctx, "Trade", n), t, [
                "user.trades",
                "close_position's answer",
              ]));
      }
      out.push(
        c.closeTrades.verdict(problem, {
          exchange: evidence(close, tradeNotices),
          expected: "the answer's trades, each with the same fields",
        }),
      );
    }

    // user.changes: the close's order, its trades, and the position at size 0.
    const changeNotices = taker.notices(changes);
    const lastChange = changeNotices.at(-1)?.params.data as
      | { orders?: WireOrder[]; trades?: Trade[]; positions?: Record<string, unknown>[] }
      | undefined;
    const position = lastChange?.positions?.find((p) => p?.["instrument_name"] === I);
    out.push(
      c.changesFlat.verdict(
        lastChange === undefined
          ? "no user.changes notification came after the close"
          : !lastChange.orders?.some((o) => o?.order_id === closeId)
            ? `the last user.changes does not list the close order ${closeId}`
            : position === undefined
              ? `the last user.changes has no position in ${I}`
              : position["size"] !== "0" && !sameDec(position["size"], "0")
                ? `the last user.changes has the position at size ${JSON.stringify(position["size"])}`
                : undefined,
        {
          exchange: evidence(close, changeNotices.slice(-1)),
          expected: `the close order, its trades and the ${I} position at size "0"`,
        },
      ),
    );

    // book: snapshot first, then a chain of changes, consistent with get_order_book.
    const bookNotices = anon.notices(book);
    const first = bookNotices[0];
    const firstData = first?.params.data as Record<string, unknown> | undefined;
    const replica = new BookReplica();
    let snapshotProblem: string | undefined;
    if (first === undefined || first.frame > (before.frame ?? -1)) {
      snapshotProblem =
        "no book notification came between the subscribe answer and the next answer";
    } else if (firstData?.["type"] !== "snapshot") {
      snapshotProblem = `the first book message is of type ${JSON.stringify(firstData?.["type"])}`;
    } else if ("prev_change_id" in firstData) {
      snapshotProblem = `the snapshot has prev_change_id ${JSON.stringify(firstData["prev_change_id"])}`;
    } else {
      const levels = [firstData["bids"], firstData["asks"]].flatMap((l) =>
        Array.isArray(l) ? l : [],
      );
      const notNew = levels.find((l) => !Array.isArray(l) || l[0] !== "new");
      snapshotProblem =
        notNew !== undefined
          ? `the snapshot has the level ${JSON.stringify(notNew)} (every level must be new)`
          : (replica.apply(firstData) ?? replica.difference(bookBefore, DEPTH));
    }
    out.push(
      c.bookSnapshot.verdict(snapshotProblem, {
        exchange: evidence(before, bookNotices.slice(0, 1)),
        expected: "a snapshot first, every level new, the levels of get_order_book",
      }),
    );

    let chainProblem: string | undefined;
    let previous = firstData?.["change_id"];
    for (const n of bookNotices.slice(1)) {
      const d = n.params.data as Record<string, unknown>;
      if (d?.["type"] !== "change") {
        chainProblem = `a book message after the first is of type ${JSON.stringify(d?.["type"])}`;
      } else if (d["prev_change_id"] !== previous) {
        chainProblem = `a change has prev_change_id ${JSON.stringify(d["prev_change_id"])}, the previous message's change_id is ${JSON.stringify(previous)}`;
      } else if (
        typeof d["change_id"] !== "number" ||
        typeof previous !== "number" ||
        d["change_id"] <= previous
      ) {
        chainProblem = `change_id ${JSON.stringify(d["change_id"])} does not grow from ${JSON.stringify(previous)}`;
      }
      if (chainProblem !== undefined) break;
      previous = d["change_id"];
    }
    if (chainProblem === undefined && bookNotices.length < 2)
      chainProblem = `${bookNotices.length} book messages came for two bids placed and a close`;
    out.push(
      c.bookChain.verdict(chainProblem, {
        exchange: evidence(subs.anon, bookNotices),
        expected: "changes whose prev_change_id is the previous change_id",
      }),
    );

    let consistency: string | undefined;
    for (const n of bookNotices.slice(1)) consistency ??= replica.apply(n.params.data as never);
    consistency ??= replica.difference(bookAfter, DEPTH);
    out.push(
      c.bookConsistent.verdict(first === undefined ? "no book notification came" : consistency, {
        exchange: evidence(after, bookNotices.slice(1)),
        expected: "the snapshot with its changes applied equals get_order_book",
      }),
    );

    // trades: the close's fills, with the taker's direction.
    const publicNotices = anon.notices(publicTrades);
    const publicList = publicNotices.flatMap((n) =>
      Array.isArray(n.params.data) ? (n.params.data as Trade[]) : [],
    );
    if (answerTrades === undefined) {
      out.push(c.publicTrades.skip("close_position answered no trades to compare with"));
    } else {
      let problem: string | undefined;
      for (const t of answerTrades) {
        const p = publicList.find((x) => x["trade_id"] === t["trade_id"]);
        if (p === undefined)
          problem = `trade ${String(t["trade_id"])} never came on ${publicTrades}`;
        else
          for (const key of [
            "instrument_name",
            "price",
            "amount",
            "direction",
            "trade_seq",
            "timestamp",
          ]) {
            if (!(key in t)) continue;
            const same =
              typeof t[key] === "string"
                ? sameDec(t[key], p[key]) || t[key] === p[key]
                : t[key] === p[key];
            if (!same) {
              problem = `trade ${String(t["trade_id"])}: ${key} is ${JSON.stringify(p[key])} on ${publicTrades}, ${JSON.stringify(t[key])} in the close's answer`;
              break;
            }
          }
        if (problem !== undefined) break;
      }
      out.push(
        c.publicTrades.verdict(problem, {
          exchange: evidence(close, publicNotices),
          expected:
            "every trade of the close with its id, price, amount and the taker's direction (sell)",
        }),
      );
    }

    // Order: what the close caused reached the taker's connection before its answer.
    const tradeIds = new Set((answerTrades ?? []).map((t) => t["trade_id"]));
    const caused = taker.notices().filter((n) => {
      const d = n.params.data;
      if (orderIdsIn(d).includes(closeId)) return true;
      if (Array.isArray(d)) return d.some((t) => tradeIds.has((t as Trade)?.["trade_id"]));
      return false;
    });
    const late = [
      ...caused.filter((n) => n.frame > (close.frame ?? 0)),
      ...taker.notices(book, (close.frame ?? 0) + 1, stateExchange.frame),
    ];
    out.push(
      c.beforeResponse.verdict(
        caused.length === 0
          ? "no notification of the close came to the taker's connection"
          : late.length > 0
            ? `after close_position's answer came: ${describeNotices(late)}`
            : undefined,
        {
          exchange: evidence(close, late),
          expected:
            "the close's user.orders, user.trades, user.changes, book and trades notifications before its answer",
        },
      ),
    );

    // Kind/currency channels: the maker's fills, as its instrument channels bring them.
    const dataOf = (channel: string) => maker.notices(channel).map((n) => n.params.data);
    const aliasNotices = [...maker.notices(ANY_ORDERS), ...maker.notices(ANY_TRADES)];
    out.push(
      c.kindCurrency.verdict(
        aliasProblem(ANY_ORDERS, dataOf(ANY_ORDERS), orders, dataOf(orders), I) ??
          aliasProblem(ANY_TRADES, dataOf(ANY_TRADES), trades, dataOf(trades), I),
        {
          exchange: evidence(subs.maker, aliasNotices),
          expected: `on ${ANY_ORDERS} and ${ANY_TRADES}, the maker's ${orders} and ${trades} notifications`,
        },
      ),
    );

    // Isolation: the taker's connection never sees the maker's orders.
    const leaked = taker
      .notices()
      .filter(
        (n) =>
          n.params.channel.startsWith("user.") &&
          orderIdsIn(n.params.data).some((id) => makerIds.has(id)),
      );
    const makerOwn = maker
      .notices()
      .filter((n) => orderIdsIn(n.params.data).some((id) => makerIds.has(id)));
    out.push(
      c.isolated.verdict(
        leaked.length > 0
          ? `the taker's connection got the maker's orders: ${describeNotices(leaked)}`
          : makerOwn.length === 0
            ? "the maker's own connection got no notification of its orders (nothing to judge isolation by)"
            : undefined,
        {
          exchange: evidence(fences.taker, leaked),
          expected: "no notification about another account's orders on user.* channels",
        },
      ),
    );
    void fences;
  });
}
