import type { Exchange } from "../../driver/Exchange.js";
import type { Notice } from "../../trading/openSubscriber.js";

/**
 * A copy of `exchange` carrying the notifications that show a verdict (their text, at most 20),
 * so that a report shows the call and what the server notified around it.
 */
export function withNotices(exchange: Exchange, notices: readonly Notice[]): Exchange {
  return notices.length === 0
    ? exchange
    : { ...exchange, notifications: notices.slice(0, 20).map((n) => n.text) };
}
