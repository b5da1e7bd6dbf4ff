import { setTimeout as pause } from "node:timers/promises";
import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import type { RunContext } from "../../core/RunContext.js";
import { describeOutcome, type Exchange, hasResult, resultOf } from "../../driver/Exchange.js";
import { orderState, withDesk } from "../../trading/Desk.js";
import { openSubscriber } from "../../trading/openSubscriber.js";

/**
 * The maker enables cancel on disconnect on a connection of its own, places a bid through it
 * and closes it; the order, read from the maker's other connection, must end cancelled with
 * `cancel_reason: cancel_on_disconnect`. The close is asynchronous on the server's side, so
 * the order is read again until it is no longer open or the request timeout has passed.
 */
export function cancelOnDisconnect(ctx: RunContext, out: CheckOutcome[]): Promise<void> {
  return withDesk(ctx, async (desk) => {
    const own = await openSubscriber(ctx, "maker");
    const enable = await own.call("private/enable_cancel_on_disconnect", {});
    const read = await own.call("private/get_cancel_on_disconnect", {});
    const setup =
      !hasResult(enable) || resultOf(enable) !== "ok"
        ? {
            problem: `enable_cancel_on_disconnect answered ${describeOutcome(enable)}`,
            exchange: enable,
          }
        : resultOf<{ enabled?: unknown }>(read)?.enabled !== true
          ? {
              problem: `after enabling it, get_cancel_on_disconnect answered ${describeOutcome(read)}`,
              exchange: read,
            }
          : undefined;
    if (setup !== undefined) {
      out.push(
        c.cancelOnDisconnect.fail(setup.problem, {
          exchange: setup.exchange,
          expected: '"ok", then {scope: "connection", enabled: true}',
        }),
      );
      return;
    }
    const buy = await own.call("private/buy", {
      instrument_name: desk.market.instrument,
      amount: desk.lots(1),
      price: desk.price(-8),
      type: "limit",
    });
    const id = resultOf<{ order?: { order_id?: unknown } }>(buy)?.order?.order_id;
    if (typeof id !== "string") {
      out.push(
        c.cancelOnDisconnect.fail(`the maker's bid was not placed: ${describeOutcome(buy)}`, {
          exchange: buy,
        }),
      );
      return;
    }
    await own.driver.close();
    const deadline = performance.now() + ctx.timeoutMs;
    let state: { order: Record<string, unknown>; exchange: Exchange };
    for (;;) {
      state = await orderState(desk.maker, id);
      if (state.order["order_state"] !== "open" || performance.now() > deadline) break;
      await pause(20);
    }
    const o = state.order;
    out.push(
      c.cancelOnDisconnect.verdict(
        o["order_state"] === "cancelled" && o["cancel_reason"] === "cancel_on_disconnect"
          ? undefined
          : `after the connection closed, the order is ${JSON.stringify(o["order_state"])} with cancel_reason ${JSON.stringify(o["cancel_reason"])}${o["order_state"] === "open" ? ` (still, ${ctx.timeoutMs} ms later)` : ""}`,
        {
          exchange: state.exchange,
          expected: 'order_state "cancelled", cancel_reason "cancel_on_disconnect"',
        },
      ),
    );
  });
}
