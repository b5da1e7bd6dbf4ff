import { setTimeout as pause } from "node:timers/promises";
import { errorProblem } from "../../checks/expectations.js";
import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import { sameDec } from "../../core/decimal.js";
import type { CheckDefinition } from "../../core/defineCheck.js";
import type { RunContext } from "../../core/RunContext.js";
import {
  describeOutcome,
  type Exchange,
  hasResult,
  nowUs,
  resultOf,
} from "../../driver/Exchange.js";
import { BookReplica, canonical } from "../../trading/BookReplica.js";
import { must, place, withDesk } from "../../trading/Desk.js";
import { type Notice, openSubscriber, type Subscriber } from "../../trading/openSubscriber.js";
import { withNotices } from "./evidence.js";
import { notificationProblem } from "./notificationProblems.js";

/** The checks the interval part reports. */
export const intervalChecks = [c.book100ms, c.book100msAggregated, c.trades100ms] as const;

const DEPTH = 1000;
/**
 * The least time between two messages of a `100ms` channel as the client sees them: the server
 * spaces them 100 ms or more; the rest is room for socket and GC jitter (a longer hold, while
 * the client's own event loop stalled, is told apart: see {@link watchLoop}).
 */
const MIN_GAP_MS = 60;
/** How long the book is left alone before subscribing and between the burst's two phases. */
const QUIET_MS = 150;
/** How long after the burst's last answer every window has closed and its messages arrived. */
const SETTLE_MS = 300;
/** Why a refused `100ms` subscribe skips the checks. */
const RAW_ONLY = "the server serves the raw interval only (the spec allows it)";

type Trade = Record<string, unknown>;
type Data = Record<string, unknown>;

/** What a `100ms` subscribe answered: the channel served, refused as the spec allows, or neither. */
type Served =
  | { kind: "served" }
  | { kind: "refused"; reason: string }
  | { kind: "bad"; problem: string; exchange: Exchange };

function servedOrNot(exchange: Exchange, channel: string): Served {
  if (errorProblem(exchange, { code: -32602, param: "channels" }) === undefined)
    return {
      kind: "refused",
      reason: `${RAW_ONLY}: public/subscribe of ${channel} answered ${describeOutcome(exchange)}`,
    };
  const got = resultOf<unknown>(exchange);
  if (hasResult(exchange) && Array.isArray(got) && got.length === 1 && got[0] === channel)
    return { kind: "served" };
  return {
    kind: "bad",
    problem: `public/subscribe of ${channel} answered ${describeOutcome(exchange)}`,
    exchange,
  };
}

/**
 * The outcome of a check before it is judged: skipped when every channel it needs was refused
 * with -32602 (raw interval only), failed when one got another answer; undefined: judge it.
 */
function gate(check: CheckDefinition, states: readonly Served[]): CheckOutcome | undefined {
  const bad = states.find((s) => s.kind === "bad");
  if (bad?.kind === "bad")
    return check.fail(bad.problem, {
      exchange: bad.exchange,
      expected:
        'the list of the channel asked for, or -32602 with data {param: "channels", reason} (raw interval only)',
    });
  const refused = states.filter((s) => s.kind === "refused");
  if (refused.length === states.length)
    return check.skip(refused.map((s) => (s.kind === "refused" ? s.reason : "")).join("; "));
  return undefined;
}

/** A limit order sent on a connection of its own (not awaited by the caller: pipelined). */
function order(
  who: Subscriber,
  instrument: string,
  direction: "buy" | "sell",
  amount: string,
  price: string,
): Promise<Exchange> {
  return who.call(`private/${direction}`, {
    instrument_name: instrument,
    amount,
    price,
    type: "limit",
  });
}

/** The first level of a change that tells nothing new: the amount the channel last told. */
function staleLevel(replica: BookReplica, data: Data): string | undefined {
  for (const [name, side] of [
    ["bids", replica.bids],
    ["asks", replica.asks],
  ] as const) {
    const levels = Array.isArray(data[name]) ? (data[name] as unknown[]) : [];
    for (const level of levels) {
      if (!Array.isArray(level) || level.length !== 3) continue;
      const [action, price, amount] = level as [unknown, unknown, unknown];
      const p = canonical(price);
      if (p === undefined) continue;
      const held = side.get(p);
      if (action === "delete" ? held === undefined || held === "0" : held === canonical(amount))
        return `change ${JSON.stringify(data["change_id"])} lists the ${name} level ${JSON.stringify(level)}, but the channel last told ${held === undefined ? "no level" : `the amount ${held}`} at ${p} (only levels whose amount differs are listed)`;
    }
  }
  return undefined;
}

/** The three answers the book is judged against: the subscribe, and the book read before and after. */
interface BookReads {
  subscribe: Exchange;
  before: Exchange;
  after: Exchange;
  /** When the burst's first command left (the client's clock, µs). */
  burstFromUs: number;
}

/**
 * The first problem with the `book.{instrument}.100ms` messages, with the answer that shows it:
 * a notification off its schema, no snapshot first (before the next answer, every level new,
 * no prev_change_id), a change off the chain or listing a level at the amount last told, none
 * at all, or levels unlike get_order_book's: read right after subscribing, against the
 * snapshot (with the changes that came before the burst: a snapshot is the book as the channel
 * last told it, which trails the book while a window of another listener is open), and read
 * after the burst, against every change applied.
 */
function bookProblem(
  ctx: RunContext,
  channel: string,
  notices: readonly Notice[],
  reads: BookReads,
  burst: string,
): { problem: string; exchange: Exchange } | undefined {
  const at = (exchange: Exchange) => (problem: string | undefined) =>
    problem === undefined ? undefined : { problem, exchange };
  const schema = notificationProblem(
    ctx.spec,
    notices,
    new Set([channel]),
    "the anonymous connection",
  );
  if (schema !== undefined) return { problem: schema, exchange: reads.subscribe };
  const first = notices[0];
  const data = first?.params.data as Data | undefined;
  if (first === undefined || first.frame > (reads.before.frame ?? -1))
    return at(reads.subscribe)(
      `no ${channel} message came between the subscribe answer and the next answer (a snapshot is due right after the subscribe answer)`,
    );
  if (data?.["type"] !== "snapshot")
    return at(reads.subscribe)(
      `the first ${channel} message is of type ${JSON.stringify(data?.["type"])}, not snapshot`,
    );
  if ("prev_change_id" in data)
    return at(reads.subscribe)(
      `the snapshot has prev_change_id ${JSON.stringify(data["prev_change_id"])}`,
    );
  const levels = [data["bids"], data["asks"]].flatMap((l) => (Array.isArray(l) ? l : []));
  const notNew = levels.find((l) => !Array.isArray(l) || l[0] !== "new");
  if (notNew !== undefined)
    return at(reads.subscribe)(
      `the snapshot has the level ${JSON.stringify(notNew)} (every level must be new)`,
    );
  const replica = new BookReplica();
  const invalid = replica.apply(data);
  if (invalid !== undefined) return at(reads.subscribe)(`the snapshot: ${invalid}`);
  let early = 0;
  let compared = false;
  const told = () => {
    compared = true;
    const difference = replica.difference(resultOf(reads.before), DEPTH);
    return difference === undefined
      ? undefined
      : `the snapshot${early > 0 ? ` with the ${early} changes that came before the burst` : ""} against get_order_book read right after subscribing: ${difference}`;
  };
  let previous = data["change_id"];
  for (const n of notices.slice(1)) {
    if (!compared && n.atUs >= reads.burstFromUs) {
      const problem = told();
      if (problem !== undefined) return at(reads.before)(problem);
    }
    if (!compared) early++;
    const d = n.params.data as Data;
    const problem =
      d?.["type"] !== "change"
        ? `a ${channel} message after the first is of type ${JSON.stringify(d?.["type"])}, not change`
        : d["prev_change_id"] !== previous
          ? `a change has prev_change_id ${JSON.stringify(d["prev_change_id"])}, the previous message's change_id is ${JSON.stringify(previous)}`
          : typeof d["change_id"] !== "number" ||
              typeof previous !== "number" ||
              d["change_id"] <= previous
            ? `change_id ${JSON.stringify(d["change_id"])} does not grow from ${JSON.stringify(previous)}`
            : (staleLevel(replica, d) ?? replica.apply(d));
    if (problem !== undefined) return at(reads.subscribe)(problem);
    previous = d["change_id"];
  }
  if (!compared) {
    const problem = told();
    if (problem !== undefined) return at(reads.before)(problem);
  }
  if (notices.length - 1 - early < 1)
    return at(reads.subscribe)(`${channel} brought no change for ${burst}`);
  const after = replica.difference(resultOf(reads.after), DEPTH);
  return at(reads.after)(
    after === undefined
      ? undefined
      : `the snapshot with its changes applied, against get_order_book read ${SETTLE_MS} ms after the last command: ${after}`,
  );
}

/** Whether a book snapshot's levels differ from a get_order_book answer's. */
function trails(snapshot: Notice | undefined, read: Exchange): boolean {
  const replica = new BookReplica();
  if (snapshot === undefined || replica.apply(snapshot.params.data as Data) !== undefined)
    return false;
  return replica.difference(resultOf(read), DEPTH) !== undefined;
}

/** A time the client's event loop was busy: a tick of a 5 ms interval came this late. */
interface Stall {
  fromUs: number;
  toUs: number;
}

/** A tick this late (ms) is a stall worth keeping. */
const STALL_MS = 20;

/**
 * Watches the client's event loop while the burst's messages come. Frames that arrive while it
 * is busy are read together when it is free again: two messages a server sent 100 ms apart may
 * then come 0 ms apart (in the suite's own tests, the server and the proxy share that loop).
 */
function watchLoop(): { stalls: Stall[]; stop(): void } {
  const stalls: Stall[] = [];
  let last = nowUs();
  const timer = setInterval(() => {
    const now = nowUs();
    if (now - last > STALL_MS * 1000) stalls.push({ fromUs: last, toUs: now });
    last = now;
  }, 5);
  return { stalls, stop: () => clearInterval(timer) };
}

/**
 * The problem with the gaps between consecutive messages and their number, if any; `note`
 * tells of two messages that came too close together right after the client's loop stalled
 * (long enough to hold the first one back), which are then judged by their number only.
 */
function spacing(
  notices: readonly Notice[],
  what: string,
  bound: number,
  burst: string,
  stalls: readonly Stall[],
): { problem?: string; note?: string } {
  let note: string | undefined;
  for (let i = 1; i < notices.length; i++) {
    const [a, b] = [notices[i - 1]!.atUs, notices[i]!.atUs];
    const gap = (b - a) / 1000;
    if (gap >= MIN_GAP_MS) continue;
    const stall = stalls.find(
      (s) =>
        s.toUs - s.fromUs >= (100 - MIN_GAP_MS) * 1000 && s.fromUs <= b && s.toUs >= a - 500_000,
    );
    const close = `${what} ${i} and ${i + 1} came ${gap.toFixed(1)} ms apart`;
    if (stall === undefined)
      return { problem: `${close} (${notices.length} of them for ${burst})` };
    note ??= `${close} right after the client's event loop stalled ${((stall.toUs - stall.fromUs) / 1000).toFixed(0)} ms: judged by their number`;
  }
  if (notices.length > bound)
    return {
      problem: `${notices.length} ${what} came for ${burst}: at most ${bound} fit a 100 ms interval`,
    };
  return note === undefined ? {} : { note };
}

/**
 * Where the trades of `trades.{instrument}.100ms` differ from the trades the orders' answers
 * reported: one missing or repeated, out of execution order, or with another price, amount or
 * direction.
 */
function tradesProblem(channel: string, listed: readonly Trade[], answered: readonly Trade[]) {
  for (let i = 1; i < listed.length; i++) {
    const [a, b] = [listed[i - 1]!["trade_seq"], listed[i]!["trade_seq"]];
    if (typeof a !== "number" || typeof b !== "number" || b <= a)
      return `${channel} lists trade ${String(listed[i]!["trade_id"])} (trade_seq ${JSON.stringify(b)}) after trade ${String(listed[i - 1]!["trade_id"])} (trade_seq ${JSON.stringify(a)}): not in execution order`;
  }
  for (const t of answered) {
    const id = t["trade_id"];
    const found = listed.filter((x) => x["trade_id"] === id);
    if (found.length !== 1)
      return found.length === 0
        ? `trade ${String(id)} of the orders' answers never came on ${channel}`
        : `trade ${String(id)} came ${found.length} times on ${channel}`;
    const p = found[0]!;
    for (const key of ["instrument_name", "price", "amount", "direction", "trade_seq"]) {
      if (!(key in t)) continue;
      const same =
        typeof t[key] === "string"
          ? t[key] === p[key] || sameDec(t[key], p[key])
          : t[key] === p[key];
      if (!same)
        return `trade ${String(id)}: ${key} is ${JSON.stringify(p[key])} on ${channel}, ${JSON.stringify(t[key])} in the order's answer`;
    }
  }
  return undefined;
}

/**
 * The `100ms` channels of the book and the trades. The maker rests two asks and two bids, the
 * book is left alone, and an anonymous connection subscribes to `book.{instrument}.100ms` and
 * `trades.{instrument}.100ms` (one call each: a server may refuse either with -32602, serving
 * the raw interval only, which skips the checks of that channel). Then a burst of ten commands
 * in two phases 150 ms apart, each phase pipelined: the maker's five bids with the taker's buy
 * of an ask, then the taker's four sells through the bids (five trades, two in one command).
 * 300 ms after the last answer the book is read again and every message judged: the snapshot
 * and chain of the book, the spacing and number of the messages, and every trade once.
 */
export function intervalFeed(ctx: RunContext, out: CheckOutcome[]): Promise<void> {
  return withDesk(ctx, async (desk) => {
    const I = desk.market.instrument;
    const L = desk.lots(1);
    const book = `book.${I}.100ms`;
    const trades = `trades.${I}.100ms`;

    // A book with levels on both sides, then left alone: a window another listener of the
    // channel had open has closed, so the snapshot is the book as get_order_book reads it.
    await place(desk, desk.maker, "sell", L, desk.price(3));
    await place(desk, desk.maker, "sell", L, desk.price(4));
    await place(desk, desk.maker, "buy", L, desk.price(-7));
    await place(desk, desk.maker, "buy", L, desk.price(-8));
    await pause(QUIET_MS);

    const anon = await openSubscriber(ctx, "anonymous");
    const subBook = await anon.call("public/subscribe", { channels: [book] });
    const subTrades = await anon.call("public/subscribe", { channels: [trades] });
    const before = await anon.call("public/get_order_book", { instrument_name: I, depth: DEPTH });
    must(before, "get_order_book");
    // A snapshot is the book as the channel last told it: while a window another listener has
    // open trails the book, its change comes within 100 ms; the burst waits for it.
    if (trails(anon.notices(book)[0], before)) await pause(QUIET_MS);
    const bookState = servedOrNot(subBook, book);
    const tradesState = servedOrNot(subTrades, trades);
    const gated = {
      book: gate(c.book100ms, [bookState]),
      aggregated: gate(c.book100msAggregated, [bookState, tradesState]),
      trades: gate(c.trades100ms, [tradesState]),
    };
    for (const outcome of Object.values(gated)) if (outcome !== undefined) out.push(outcome);
    if (Object.values(gated).every((o) => o !== undefined)) return;

    // The burst: each phase pipelined on the maker's and the taker's own connections, while
    // the anonymous connection only listens (it sends nothing until the book is read again).
    const maker = await openSubscriber(ctx, "maker");
    const taker = await openSubscriber(ctx, "taker");
    const loop = watchLoop();
    try {
      const phaseA = await Promise.all([
        ...[-1, -2, -3, -4, -5].map((k) => order(maker, I, "buy", L, desk.price(k))),
        order(taker, I, "buy", L, desk.price(3)),
      ]);
      await pause(QUIET_MS);
      const phaseB = await Promise.all([
        order(taker, I, "sell", L, desk.price(-5)),
        order(taker, I, "sell", L, desk.price(-5)),
        order(taker, I, "sell", L, desk.price(-5)),
        order(taker, I, "sell", desk.lots(2), desk.price(-5)),
      ]);
      const commands = [...phaseA, ...phaseB];
      const answeredTrades = new Map<unknown, Trade>();
      for (const e of commands) {
        const r = must<{ trades?: Trade[] }>(e, `${e.method} in the burst`);
        for (const t of Array.isArray(r?.trades) ? r.trades : [])
          answeredTrades.set(t["trade_id"], t);
      }
      const firstSent = Math.min(...commands.map((e) => e.sentAtUs));
      const lastAnswer = Math.max(...commands.map((e) => e.receivedAtUs ?? e.sentAtUs));
      const spanMs = (lastAnswer - firstSent) / 1000;
      const bound = Math.ceil(spanMs / 100) + 2;
      const burst = `a burst of ${commands.length} commands over ${spanMs.toFixed(0)} ms`;

      await pause(SETTLE_MS);
      const after = await anon.call("public/get_order_book", { instrument_name: I, depth: DEPTH });
      must(after, "get_order_book");
      const bookNotices = anon.notices(book);
      const tradeNotices = anon.notices(trades);

      // book.100ms: a snapshot, then changes chained and consistent with get_order_book.
      if (gated.book === undefined) {
        const found = bookProblem(
          ctx,
          book,
          bookNotices,
          { subscribe: subBook, before, after, burstFromUs: firstSent },
          burst,
        );
        out.push(
          c.book100ms.verdict(
            found?.problem,
            {
              exchange: withNotices(found?.exchange ?? subBook, bookNotices),
              expected:
                "a snapshot first (every level new, no prev_change_id, get_order_book's levels), then changes chained by prev_change_id listing only levels that differ, which applied give get_order_book's levels",
            },
            `a snapshot and ${bookNotices.length - 1} changes (${burst})`,
          ),
        );
      }

      // Both channels: one message per window, not one per command.
      if (gated.aggregated === undefined) {
        const changes = bookNotices.filter((n) => (n.params.data as Data)?.["type"] === "change");
        let problem: string | undefined;
        const notes: string[] = [];
        const counted: string[] = [];
        let shown: Notice[] = [];
        for (const [state, channel, what, list] of [
          [bookState, book, `the changes on ${book}`, changes],
          [tradesState, trades, `the messages on ${trades}`, tradeNotices],
        ] as const) {
          if (state.kind !== "served") continue;
          const found =
            list.length === 0
              ? {
                  problem: `${channel} brought nothing for ${burst}: nothing to judge its interval by`,
                }
              : spacing(list, what, bound, burst, loop.stalls);
          problem = found.problem;
          if (found.note !== undefined) notes.push(found.note);
          counted.push(`${list.length} ${channel === book ? "changes" : "messages"} on ${channel}`);
          shown = [...list];
          if (problem !== undefined) break;
        }
        out.push(
          c.book100msAggregated.verdict(
            problem,
            {
              exchange: withNotices(phaseB.at(-1)!, shown),
              expected: `on each 100ms channel, messages at least ${MIN_GAP_MS} ms apart (the server spaces them 100 ms), at most ceil(burst ms / 100) + 2 = ${bound} of them`,
            },
            `${counted.join(" and ")} for ${burst}, each at least ${MIN_GAP_MS} ms after the previous${notes.length > 0 ? ` (except: ${notes.join("; ")})` : ""}`,
          ),
        );
      }

      // trades.100ms: every trade of the burst once, in execution order.
      if (gated.trades === undefined) {
        const listed = tradeNotices.flatMap((n) =>
          Array.isArray(n.params.data) ? (n.params.data as Trade[]) : [],
        );
        const problem =
          notificationProblem(
            ctx.spec,
            tradeNotices,
            new Set([trades]),
            "the anonymous connection",
          ) ??
          (answeredTrades.size === 0
            ? `the orders' answers report no trade for ${burst}: nothing to compare ${trades} with`
            : tradesProblem(trades, listed, [...answeredTrades.values()]));
        out.push(
          c.trades100ms.verdict(
            problem,
            {
              exchange: withNotices(phaseB.at(-1)!, tradeNotices),
              expected: `the ${answeredTrades.size} trades the orders' answers report, each once with their price, amount and taker's direction, trade_seq increasing`,
            },
            `the ${answeredTrades.size} trades of ${burst} in ${tradeNotices.length} messages`,
          ),
        );
      }
    } finally {
      loop.stop();
    }
  });
}
