import { expectError } from "../../checks/expectations.js";
import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import type { RunContext } from "../../core/RunContext.js";
import { describeOutcome, hasResult, resultOf } from "../../driver/Exchange.js";
import { openSubscriber } from "../../trading/openSubscriber.js";

/** The line breaks a channel name must not carry, as the subjects name them. */
const BREAKS: readonly [string, string][] = [
  ["\\n", "\n"],
  ["\\r", "\r"],
  ["U+2028", "\u2028"],
];

/**
 * `public/subscribe` of `book.{instrument}<break>.raw` (a name that is the book's with a line
 * break before its interval), alone and beside the good book channel: each call refused whole
 * with -32602 on `channels`, and the good channel of the refused call not subscribed.
 */
export async function lineBreakChannels(ctx: RunContext, out: CheckOutcome[]): Promise<void> {
  const I = (await ctx.market()).instrument;
  const book = `book.${I}.raw`;
  const probe = await openSubscriber(ctx, "anonymous");
  for (const [shown, lineBreak] of BREAKS) {
    const bad = `book.${I}${lineBreak}.raw`;
    for (const [subject, channels] of [
      [`book.${I}${shown}.raw`, [bad]],
      [`book.${I}${shown}.raw beside ${book}`, [book, bad]],
    ] as const) {
      const exchange = await probe.call("public/subscribe", { channels });
      let outcome = expectError(c.lineBreakChannel, exchange, { code: -32602, param: "channels" });
      if (outcome.status === "passed" && channels.includes(book)) {
        const check = await probe.call("public/unsubscribe", { channels: [book] });
        const left = resultOf<unknown>(check);
        if (!hasResult(check) || !Array.isArray(left) || left.length > 0)
          outcome = c.lineBreakChannel.fail(
            `the refused call subscribed ${book} all the same: public/unsubscribe answered ${describeOutcome(check)}`,
            { exchange: check, expected: "[]: nothing subscribed by a refused call" },
          );
      }
      outcome.subject = subject;
      out.push(outcome);
    }
  }
}
