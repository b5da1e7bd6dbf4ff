import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import type { RunContext } from "../../core/RunContext.js";
import { ScenarioError } from "../../core/ScenarioError.js";
import { type Exchange, hasResult } from "../../driver/Exchange.js";
import { BookReplica } from "../../trading/BookReplica.js";
import { must, place, withDesk } from "../../trading/Desk.js";
import { type Notice, openSubscriber } from "../../trading/openSubscriber.js";
import { withNotices } from "./evidence.js";

const DEPTH = 1000;
type Data = Record<string, unknown>;

/** A setup call that must succeed. */
function need(exchange: Exchange, what: string): Exchange {
  if (!hasResult(exchange)) throw new ScenarioError(`${what} failed`, exchange);
  return exchange;
}

/** The book reads the second subscription is judged against. */
interface Reads {
  /** get_order_book right after the second subscribe answer. */
  before: Exchange;
  /** get_order_book after the last order, once its changes have come. */
  after: Exchange;
  /** The last change_id the first subscription told. */
  toldBefore: unknown;
}

/**
 * The first problem with the second subscription's book messages: no snapshot before the next
 * answer, a snapshot whose change_id is not past what the first subscription told or whose
 * levels are not get_order_book's, a change off its chain (a gap, or going back), no change for
 * the order placed after it, or the changes applied unlike get_order_book afterwards.
 */
function chainProblem(notices: readonly Notice[], reads: Reads): string | undefined {
  const first = notices[0];
  const snapshot = first?.params.data as Data | undefined;
  if (first === undefined || first.frame > (reads.before.frame ?? -1))
    return "after the second subscribe, no book message came between its answer and the next answer";
  if (snapshot?.["type"] !== "snapshot")
    return `after the second subscribe, the first book message is of type ${JSON.stringify(snapshot?.["type"])}, not snapshot`;
  const id = snapshot["change_id"];
  if (typeof id !== "number" || typeof reads.toldBefore !== "number" || id <= reads.toldBefore)
    return `the second snapshot has change_id ${JSON.stringify(id)}, the first subscription last told ${JSON.stringify(reads.toldBefore)} (an order changed the book since)`;
  const replica = new BookReplica();
  const levels = replica.apply(snapshot) ?? replica.difference(must(reads.before, "book"), DEPTH);
  if (levels !== undefined) return `the second snapshot against get_order_book: ${levels}`;
  let previous = id;
  for (const n of notices.slice(1)) {
    const d = n.params.data as Data;
    if (d?.["type"] !== "change")
      return `a book message after the second snapshot is of type ${JSON.stringify(d?.["type"])}, not change`;
    const prev = d["prev_change_id"];
    if (prev !== previous)
      return typeof prev === "number" && prev < previous
        ? `after the second snapshot (change_id ${id}), a stale change came: prev_change_id ${prev}, change_id ${JSON.stringify(d["change_id"])}, lower than the previous message's change_id ${previous}`
        : `a change after the second snapshot has prev_change_id ${JSON.stringify(prev)}, the previous message's change_id is ${previous}`;
    if (typeof d["change_id"] !== "number" || d["change_id"] <= previous)
      return `change_id ${JSON.stringify(d["change_id"])} does not grow from ${previous}`;
    const applied = replica.apply(d);
    if (applied !== undefined) return applied;
    previous = d["change_id"];
  }
  if (notices.length < 2)
    return "no book change came for the order placed after the second snapshot";
  const after = replica.difference(must(reads.after, "book"), DEPTH);
  return after === undefined
    ? undefined
    : `the second snapshot with its changes applied against get_order_book: ${after}`;
}

/**
 * An anonymous connection subscribes to the book, the maker places a bid, the connection
 * unsubscribes, the maker places another bid (which that connection no longer watches) and the
 * connection subscribes again: the new snapshot must be the book (get_order_book) past the
 * last change_id told before, and the changes of a third bid chain from it.
 */
export function resubscribeChain(ctx: RunContext, out: CheckOutcome[]): Promise<void> {
  return withDesk(ctx, async (desk) => {
    const I = desk.market.instrument;
    const book = `book.${I}.raw`;
    const L = desk.lots(1);
    const watcher = await openSubscriber(ctx, "anonymous");
    need(await watcher.call("public/subscribe", { channels: [book] }), "public/subscribe");
    await place(desk, desk.maker, "buy", L, desk.price(-3));
    await watcher.fence();
    const toldBefore = (watcher.notices(book).at(-1)?.params.data as Data | undefined)?.[
      "change_id"
    ];
    need(await watcher.call("public/unsubscribe", { channels: [book] }), "public/unsubscribe");
    await place(desk, desk.maker, "buy", L, desk.price(-4));
    const again = need(
      await watcher.call("public/subscribe", { channels: [book] }),
      "the second public/subscribe",
    );
    const before = await watcher.call("public/get_order_book", {
      instrument_name: I,
      depth: DEPTH,
    });
    need(before, "get_order_book");
    await place(desk, desk.maker, "buy", L, desk.price(-5));
    await watcher.fence();
    const after = need(
      await watcher.call("public/get_order_book", { instrument_name: I, depth: DEPTH }),
      "get_order_book",
    );
    const notices = watcher.notices(book, (again.frame ?? 0) + 1);
    out.push(
      c.resubscribeChain.verdict(chainProblem(notices, { before, after, toldBefore }), {
        exchange: withNotices(again, notices),
        expected:
          "a snapshot with get_order_book's levels and a change_id past the last one told, then changes whose prev_change_id is the previous change_id",
      }),
    );
  });
}
