import type { RequestContext } from "@unwind/server";
import type { Journal } from "../journal/Journal.js";
import type { ChannelFeed } from "../subscriptions/ChannelFeed.js";
import { afterFlush } from "./answer.js";

/** Applies one command (`apply` runs it and settles its answer) and answers it: see {@link commandAnswerer}. */
export type CommandAnswerer = <A>(context: RequestContext, apply: () => A) => A | Promise<A>;

/**
 * How a state-changing call answers: once its command is durable, with the command's subscription
 * notifications published before any later message is handled. When the caller is a WebSocket
 * connection that listens to nothing (a trading connection), the feed builds and publishes those
 * notifications right after the answer is written instead of before it (`ChannelFeed.holdNext`):
 * the fan-out to other connections is not in the caller's `usDiff`, and the caller, which gets
 * none of them, loses nothing by going first. Any other caller (subscribed, HTTP, a journal still
 * flushing) gets the notifications built at once, as `afterFlush` publishes them.
 *
 * @example
 * const command = commandAnswerer(journal, feed);
 * "private/buy": (p, c) => command(c, () => settleJson(placeOrderJson(engine, id, "buy", p, now()))),
 */
export function commandAnswerer(journal: Journal, feed: ChannelFeed | undefined): CommandAnswerer {
  if (feed === undefined) return (_context, apply) => afterFlush(journal, apply());
  const publish = () => feed.publishPending();
  const settleAndPublish = () => {
    feed.settle();
    feed.publishPending();
  };
  return (context, apply) => {
    const connection = context.connection;
    if (connection === undefined || connection.subscriptions.size > 0)
      return afterFlush(journal, apply(), publish);
    feed.holdNext();
    let answer: ReturnType<typeof apply>;
    try {
      answer = apply();
    } finally {
      feed.release();
    }
    const flushed = journal.flush();
    if (flushed === undefined) {
      // Outside the call's synchronous part the connection would run it later: publish now.
      if (!connection.afterAnswer(settleAndPublish)) settleAndPublish();
      return answer;
    }
    // The state the notifications tell of is this one: build them before yielding.
    feed.settle();
    return flushed.then(() => {
      feed.publishPending();
      return answer;
    });
  };
}
