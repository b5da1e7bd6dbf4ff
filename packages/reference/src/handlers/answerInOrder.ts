import type { RequestContext } from "@unwind/server";
import type { Journal } from "../journal/Journal.js";
import type { ChannelFeed } from "../subscriptions/ChannelFeed.js";

/** A handler as the method table holds it. */
type Handler = (params: never, context: RequestContext) => unknown;

/**
 * Wraps a handler that answers without the journal (`public/auth`, `public/test`,
 * `public/get_time`, the heartbeat, subscriptions, cancel on disconnect) so that on a connection
 * that listens to any channel its answer comes after the notifications of every command applied
 * before it, as the spec's ordering rule asks: while a journal flush is pending, the call waits
 * for it, then the feed publishes, then the handler runs (a subscribe's new channels get only
 * what is published after it). On any other connection, or with nothing pending, it runs at once.
 *
 * @example
 * const inOrder = answerInOrder(journal, feed);
 * "public/test": inOrder((p) => ({ version })),
 */
export function answerInOrder(
  journal: Journal,
  feed: ChannelFeed | undefined,
): <H extends Handler>(handler: H) => H {
  if (feed === undefined) return (handler) => handler;
  return <H extends Handler>(handler: H) =>
    ((params: never, context: RequestContext) => {
      const connection = context.connection;
      if (connection === undefined || connection.subscriptions.size === 0)
        return handler(params, context);
      const flushed = journal.flush();
      if (flushed === undefined) {
        feed.publishPending();
        return handler(params, context);
      }
      return flushed.then(() => {
        feed.publishPending();
        return handler(params, context);
      });
    }) as H;
}
