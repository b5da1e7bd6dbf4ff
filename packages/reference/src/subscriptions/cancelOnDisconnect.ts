import type { Engine } from "@unwind/engine";
import type { Journal } from "../journal/Journal.js";
import type { ChannelFeed } from "./ChannelFeed.js";

/**
 * Cancels every open order of `account` (reason `cancel_on_disconnect`): one `cancel_all`
 * command, journaled like any other; its notifications are published once it is durable.
 * Resolves then (synchronously when the journal had nothing pending).
 *
 * @example
 * disconnected: (context, last) => { if (enabled(context, last)) void cancelOnDisconnect(engine, journal, feed, id, Date.now()); }
 */
export function cancelOnDisconnect(
  engine: Engine,
  journal: Journal,
  feed: ChannelFeed,
  account: number,
  timestamp: number,
): Promise<void> | undefined {
  engine.apply({ type: "cancel_all", account, reason: "cancel_on_disconnect", timestamp });
  const flushed = journal.flush();
  if (flushed === undefined) {
    feed.publishPending();
    return undefined;
  }
  return flushed.then(() => feed.publishPending());
}
