import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import type { RunContext } from "../../core/RunContext.js";
import { describeOutcome, hasResult, resultOf } from "../../driver/Exchange.js";
import { openSubscriber } from "../../trading/openSubscriber.js";

/** The spec's shortest heartbeat interval, in seconds. */
const INTERVAL = 10;

/**
 * `public/set_heartbeat {interval: 10}`, then a `heartbeat` notification of type `heartbeat`
 * must come within two intervals (a `test_request` on the way is answered with `public/test`);
 * `public/disable_heartbeat` ends it. It waits about 10 s of real time, so it runs only with
 * `--slow` (a test_request cannot come sooner either: the server sends one after an interval
 * of silence).
 */
export async function heartbeat(ctx: RunContext, out: CheckOutcome[]): Promise<void> {
  if (!ctx.slow) {
    out.push(
      c.heartbeat.skip(`waits ${INTERVAL} s (the spec's shortest interval): run with --slow`),
    );
    return;
  }
  const connection = await openSubscriber(ctx, "anonymous");
  const set = await connection.call("public/set_heartbeat", { interval: INTERVAL });
  if (!hasResult(set) || resultOf(set) !== "ok") {
    out.push(
      c.heartbeat.fail(`set_heartbeat answered ${describeOutcome(set)}`, {
        exchange: set,
        expected: '"ok"',
      }),
    );
    return;
  }
  const log = connection.driver.notifications;
  const answered = new Set<unknown>();
  const beat = await log.waitFor(
    (n) => {
      if (n.method !== "heartbeat") return false;
      const type = (n.params as { type?: unknown } | null)?.type;
      if (type === "test_request" && !answered.has(n)) {
        answered.add(n);
        void connection.call("public/test", {});
      }
      return type === "heartbeat";
    },
    2 * INTERVAL * 1000 + ctx.timeoutMs,
  );
  const disable = await connection.call("public/disable_heartbeat", {});
  const other = log.entries.find(
    (n) =>
      n.method === "heartbeat" &&
      !["heartbeat", "test_request"].includes((n.params as { type?: string })?.type ?? ""),
  );
  out.push(
    c.heartbeat.verdict(
      beat === undefined
        ? `no heartbeat notification within ${2 * INTERVAL} s of set_heartbeat {interval: ${INTERVAL}}`
        : other !== undefined
          ? `a heartbeat notification has params ${JSON.stringify(other.params)}`
          : !hasResult(disable) || resultOf(disable) !== "ok"
            ? `disable_heartbeat answered ${describeOutcome(disable)}`
            : undefined,
      {
        exchange: { ...set, notifications: log.entries.slice(0, 5).map((n) => n.text) },
        expected: `{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"heartbeat"}} within ${2 * INTERVAL} s`,
      },
    ),
  );
}
