import { setTimeout as pause } from "node:timers/promises";
import type { Exchange } from "./Exchange.js";

/** The longest a request waits in all for a server's rate limit before its answer is kept. */
const MAX_WAIT_MS = 3_000;

/** The spec's answers for a request the server did not handle because of its limits. */
const LIMITED = new Set([10028, 10066]);

/** How long to wait before sending a request again, or `undefined` when it was handled. */
function waitAfter(exchange: Exchange, attempt: number): number | undefined {
  const error = (exchange.response as { error?: { code?: unknown; data?: unknown } } | undefined)
    ?.error;
  if (error === undefined || !LIMITED.has(error.code as number)) return undefined;
  const after = (error.data as { retry_after_ms?: unknown } | undefined)?.retry_after_ms;
  if (typeof after === "number" && Number.isFinite(after) && after >= 0) return after + 10;
  return Math.min(50 * 2 ** attempt, 1_000);
}

/**
 * A driver's resender: sends a request until the server handles it. An answer 10028
 * `too_many_requests` or 10066 `too_many_concurrent_requests` means the request was not handled
 * (the spec lets any request get them, under limits that are the server's own), so it goes out
 * again after `data.retry_after_ms`, or a pause doubling from 50 ms, for at most 3 s in all; then
 * the last answer is kept for the checks. Every attempt is recorded as traffic. Once a request
 * was still refused after 3 s, the server is not pacing but refusing, and the driver stops
 * resending (so a server that answers everything 10028 costs the run 3 s, not 3 s a request).
 *
 * @example
 * const resend = resendWhileLimited();
 * const exchange = await resend(() => sendOnce(text));
 */
export function resendWhileLimited(): (send: () => Promise<Exchange>) => Promise<Exchange> {
  let refusing = false;
  return async (send) => {
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      const exchange = await send();
      const wait = refusing ? undefined : waitAfter(exchange, attempt);
      if (wait === undefined) return exchange;
      if (waited + wait > MAX_WAIT_MS) {
        refusing = true;
        return exchange;
      }
      await pause(wait);
      waited += wait;
    }
  };
}
