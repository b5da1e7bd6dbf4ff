import { expectError } from "../../checks/expectations.js";
import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import type { RunContext } from "../../core/RunContext.js";
import { ScenarioError } from "../../core/ScenarioError.js";
import { describeOutcome, type Exchange, hasResult, resultOf } from "../../driver/Exchange.js";
import { place, withDesk } from "../../trading/Desk.js";
import { openSubscriber } from "../../trading/openSubscriber.js";
import { withNotices } from "./evidence.js";
import { describeNotices } from "./notificationProblems.js";

/** The checks the lifecycle part reports. */
export const lifecycleChecks = [c.unsubscribe, c.unsubscribeAll, c.badChannel] as const;

/** The problem with an (un)subscribe answer that should list exactly `channels`. */
function listProblem(exchange: Exchange, channels: readonly string[]): string | undefined {
  if (!hasResult(exchange))
    return `expected ${JSON.stringify(channels)}, got ${describeOutcome(exchange)}`;
  const got = resultOf<unknown>(exchange);
  const same =
    Array.isArray(got) &&
    JSON.stringify(got.map(String).sort()) === JSON.stringify([...channels].sort());
  return same ? undefined : `answered ${JSON.stringify(got)}, expected ${JSON.stringify(channels)}`;
}

/** A setup call that must succeed. */
function need(exchange: Exchange, what: string): Exchange {
  if (!hasResult(exchange)) throw new ScenarioError(`${what} failed`, exchange);
  return exchange;
}

/**
 * Unsubscribe and unsubscribe_all stop notifications, while a channel still subscribed (or
 * another connection's) keeps them coming; bad channels are refused whole with -32602.
 */
export function channelLifecycle(ctx: RunContext, out: CheckOutcome[]): Promise<void> {
  return withDesk(ctx, async (desk) => {
    const I = desk.market.instrument;
    const orders = `user.orders.${I}.raw`;
    const changes = `user.changes.${I}.raw`;
    const book = `book.${I}.raw`;
    const L = desk.lots(1);

    // private/unsubscribe of one user channel of two; public/unsubscribe of the book (a control
    // connection keeps it). Then the taker places an order and the maker another.
    const taker = await openSubscriber(ctx, "taker");
    const anon = await openSubscriber(ctx, "anonymous");
    const control = await openSubscriber(ctx, "anonymous");
    need(
      await taker.call("private/subscribe", { channels: [orders, changes] }),
      "private/subscribe",
    );
    need(await anon.call("public/subscribe", { channels: [book] }), "public/subscribe");
    need(await control.call("public/subscribe", { channels: [book] }), "public/subscribe");
    const unsubTaker = await taker.call("private/unsubscribe", { channels: [orders] });
    const unsubAnon = await anon.call("public/unsubscribe", { channels: [book] });
    const again = await anon.call("public/unsubscribe", { channels: [book] });
    const takerOrder = await taker.call("private/buy", {
      instrument_name: I,
      amount: L,
      price: desk.price(-5),
      type: "limit",
    });
    need(takerOrder, "the taker's buy");
    await place(desk, desk.maker, "buy", L, desk.price(-6));
    await Promise.all([taker.fence(), anon.fence(), control.fence()]);
    const afterTaker = taker.notices(orders, (unsubTaker.frame ?? 0) + 1);
    const afterAnon = anon.notices(book, (unsubAnon.frame ?? 0) + 1);
    const stillChanges = taker.notices(changes, (unsubTaker.frame ?? 0) + 1);
    const stillBook = control.notices(book, 0).slice(1);
    const unsubProblem =
      listProblem(unsubTaker, [orders]) ??
      listProblem(unsubAnon, [book]) ??
      (listProblem(again, []) === undefined
        ? undefined
        : `a second public/unsubscribe of ${book} ${listProblem(again, [])} (only channels that were subscribed)`) ??
      (afterTaker.length > 0
        ? `after private/unsubscribe answered, the taker still got ${describeNotices(afterTaker)}`
        : afterAnon.length > 0
          ? `after public/unsubscribe answered, the connection still got ${describeNotices(afterAnon)}`
          : stillChanges.length === 0 || stillBook.length === 0
            ? `the channels still subscribed got nothing either (${changes}: ${stillChanges.length}, ${book} on another connection: ${stillBook.length}): nothing to judge by`
            : undefined);
    out.push(
      c.unsubscribe.verdict(unsubProblem, {
        exchange: withNotices(
          afterTaker.length > 0 ? unsubTaker : afterAnon.length > 0 ? unsubAnon : unsubTaker,
          afterTaker.length > 0 ? afterTaker : afterAnon,
        ),
        expected: "the channels unsubscribed, then nothing on them",
      }),
    );

    // unsubscribe_all: the maker's private and public channels, then the maker places an order.
    const maker = await openSubscriber(ctx, "maker");
    const anon2 = await openSubscriber(ctx, "anonymous");
    need(
      await maker.call("private/subscribe", { channels: [orders, changes, book] }),
      "private/subscribe",
    );
    need(await anon2.call("public/subscribe", { channels: [book] }), "public/subscribe");
    const allMaker = await maker.call("private/unsubscribe_all", {});
    const allAnon = await anon2.call("public/unsubscribe_all", {});
    await place(desk, desk.maker, "buy", L, desk.price(-7));
    await Promise.all([maker.fence(), anon2.fence(), control.fence()]);
    const left = await maker.call("private/unsubscribe", { channels: [orders] });
    const afterMaker = maker.notices(undefined, (allMaker.frame ?? 0) + 1);
    const afterAnon2 = anon2.notices(undefined, (allAnon.frame ?? 0) + 1);
    const okProblem = (e: Exchange, method: string) =>
      hasResult(e) && resultOf(e) === "ok" ? undefined : `${method} answered ${describeOutcome(e)}`;
    const allProblem =
      okProblem(allMaker, "private/unsubscribe_all") ??
      okProblem(allAnon, "public/unsubscribe_all") ??
      (afterMaker.length > 0
        ? `after private/unsubscribe_all the maker still got ${describeNotices(afterMaker)}`
        : afterAnon2.length > 0
          ? `after public/unsubscribe_all the connection still got ${describeNotices(afterAnon2)}`
          : listProblem(left, []) !== undefined
            ? `private/unsubscribe after unsubscribe_all ${listProblem(left, [])}`
            : control.notices(book, (stillBook.at(-1)?.frame ?? 0) + 1).length === 0
              ? "the control connection got no book change either: nothing to judge by"
              : undefined);
    out.push(
      c.unsubscribeAll.verdict(allProblem, {
        exchange: withNotices(afterAnon2.length > 0 ? allAnon : allMaker, [
          ...afterMaker,
          ...afterAnon2,
        ]),
        expected: '"ok", then nothing on any channel, and unsubscribe answering []',
      }),
    );

    // Bad channels: each call refused whole with -32602 on param channels.
    const probe = await openSubscriber(ctx, "anonymous");
    const cases: [string, Subscribe, string[]][] = [
      ["unknown channel", taker.call, ["no.such.channel"]],
      ["interval agg2", probe.call, [`book.${I}.agg2`]],
      ["user.* through public/subscribe", taker.call, [orders]],
      ["unknown instrument", probe.call, ["book.NO-SUCH-INSTRUMENT.raw"]],
      ["a bad channel among good ones", probe.call, [book, "no.such.channel"]],
    ];
    for (const [subject, call, channels] of cases) {
      const exchange = await call("public/subscribe", { channels });
      let outcome = expectError(c.badChannel, exchange, { code: -32602, param: "channels" });
      if (outcome.status === "passed" && channels.includes(book)) {
        const check = await probe.call("public/unsubscribe", { channels: [book] });
        const problem = listProblem(check, []);
        if (problem !== undefined)
          outcome = c.badChannel.fail(
            `the refused call subscribed ${book} all the same: public/unsubscribe ${problem}`,
            { exchange: check, expected: "nothing subscribed by a refused call" },
          );
      }
      outcome.subject = subject;
      out.push(outcome);
    }
  });
}

type Subscribe = (method: string, params?: unknown) => Promise<Exchange>;
