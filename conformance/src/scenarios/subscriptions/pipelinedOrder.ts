import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import { sameDec } from "../../core/decimal.js";
import type { RunContext } from "../../core/RunContext.js";
import { ScenarioError } from "../../core/ScenarioError.js";
import { describeOutcome, type Exchange, hasResult, resultOf } from "../../driver/Exchange.js";
import { withDesk } from "../../trading/Desk.js";
import { type Notice, openSubscriber } from "../../trading/openSubscriber.js";
import { withNotices } from "./evidence.js";
import { describeNotices } from "./notificationProblems.js";

/** How many orders the write carries before its unsubscribe. */
const ORDERS = 5;

/** One order of the write: its direction and price, and the side of the book it rests on. */
interface Step {
  direction: "buy" | "sell";
  price: string;
  side: "bids" | "asks";
}

/** Whether a book message lists a level at `price` on `side`. */
function touches(notice: Notice, step: Step): boolean {
  const levels = (notice.params.data as Record<string, unknown> | null)?.[step.side];
  return (
    Array.isArray(levels) &&
    levels.some((l) => Array.isArray(l) && typeof l[1] === "string" && sameDec(l[1], step.price))
  );
}

/** The frame of an answer, or infinity when none came. */
const frameOf = (exchange: Exchange) => exchange.frame ?? Number.POSITIVE_INFINITY;

/**
 * The first problem with what the connection got: a book change after the unsubscribe answer,
 * an order's change after that order's answer, or (when the answers came in the order sent, so
 * the unsubscribe was handled last) an order whose change never came.
 */
function orderProblem(
  steps: readonly Step[],
  answers: readonly Exchange[],
  unsubscribe: Exchange,
  changes: readonly Notice[],
): { problem: string; shown: Notice[] } | undefined {
  const late = changes.filter((n) => n.frame > frameOf(unsubscribe));
  if (late.length > 0)
    return {
      problem: `after the public/unsubscribe answer (sent after the ${steps.length} orders, in the same write) came: ${describeNotices(late)}`,
      shown: late,
    };
  const inOrder = [...answers, unsubscribe].every(
    (a, i, all) => i === 0 || frameOf(a) > frameOf(all[i - 1]!),
  );
  for (const [i, step] of steps.entries()) {
    const own = changes.filter((n) => touches(n, step));
    const answer = answers[i]!;
    const what = `order ${i + 1} (${step.direction} at ${step.price})`;
    if (own.length === 0 && inOrder)
      return {
        problem: `no book change of ${what} came before its answer, though the answers came in the order sent (public/unsubscribe's last: it was handled after the order)`,
        shown: [],
      };
    const after = own.filter((n) => n.frame > frameOf(answer));
    if (after.length > 0)
      return {
        problem: `the book change of ${what} came after its answer: ${describeNotices(after)}`,
        shown: after,
      };
  }
  return undefined;
}

/**
 * A connection of the maker subscribed to `book.{instrument}.raw` sends, in one socket write,
 * five orders that rest on both sides of the book (each at a price of its own) and then
 * public/unsubscribe of the book. Each order's change must come before its answer and before
 * the unsubscribe answer. A server may handle pipelined calls in any order: an order's change
 * that never came is a failure only when the answers came in the order sent.
 */
export function pipelinedOrder(ctx: RunContext, out: CheckOutcome[]): Promise<void> {
  return withDesk(ctx, async (desk) => {
    const I = desk.market.instrument;
    const book = `book.${I}.raw`;
    const own = await openSubscriber(ctx, "maker");
    const sub = await own.call("public/subscribe", { channels: [book] });
    if (!hasResult(sub)) throw new ScenarioError("public/subscribe of the book failed", sub);
    const fence = await own.fence();
    const steps: Step[] = Array.from({ length: ORDERS }, (_, i) =>
      i % 2 === 0
        ? { direction: "buy", price: desk.price(-3 - i), side: "bids" }
        : { direction: "sell", price: desk.price(3 + i), side: "asks" },
    );
    const sent = own.pipeline([
      ...steps.map(
        (s) =>
          [
            `private/${s.direction}`,
            { instrument_name: I, amount: desk.lots(1), price: s.price, type: "limit" },
          ] as const,
      ),
      ["public/unsubscribe", { channels: [book] }] as const,
    ]);
    const all = await Promise.all(sent);
    const unsubscribe = all.at(-1)!;
    const answers = all.slice(0, -1);
    await own.fence();
    const refused = answers.find((a) => !hasResult(a));
    const listed = resultOf<unknown>(unsubscribe);
    if (refused !== undefined) {
      out.push(
        c.pipelinedOrder.fail(`a pipelined order was refused: ${describeOutcome(refused)}`, {
          exchange: refused,
          expected: "every order placed (each rests at a price of its own)",
        }),
      );
      return;
    }
    if (!hasResult(unsubscribe) || !Array.isArray(listed) || !listed.includes(book)) {
      out.push(
        c.pipelinedOrder.fail(`public/unsubscribe answered ${describeOutcome(unsubscribe)}`, {
          exchange: unsubscribe,
          expected: `[${JSON.stringify(book)}]`,
        }),
      );
      return;
    }
    const changes = own.notices(book, (fence.frame ?? 0) + 1);
    const found = orderProblem(steps, answers, unsubscribe, changes);
    out.push(
      c.pipelinedOrder.verdict(found?.problem, {
        exchange: withNotices(unsubscribe, found?.shown ?? changes),
        expected:
          "each order's book change before its answer, and every change before the unsubscribe answer",
      }),
    );
  });
}
