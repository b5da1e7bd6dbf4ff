import { setTimeout as pause } from "node:timers/promises";
import { subscriptionChecks as c } from "../../checks/subscriptionChecks.js";
import type { CheckOutcome } from "../../core/CheckOutcome.js";
import type { RunContext } from "../../core/RunContext.js";
import { describeOutcome, type Exchange, hasResult, resultOf } from "../../driver/Exchange.js";
import { type Desk, openOrders, orderState, place, withDesk } from "../../trading/Desk.js";
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

/** Reads an order until it is no longer open or the request timeout has passed. */
async function settled(
  ctx: RunContext,
  who: Desk["maker"],
  id: string,
): Promise<{ order: Record<string, unknown>; exchange: Exchange }> {
  const deadline = performance.now() + ctx.timeoutMs;
  for (;;) {
    const state = await orderState(who, id);
    if (state.order["order_state"] !== "open" || performance.now() > deadline) return state;
    await pause(20);
  }
}

/**
 * The maker enables cancel on disconnect (scope connection) on a connection of its own and
 * places a bid through it; the taker has a bid of its own. The connection then authenticates
 * as the taker and closes: the maker's bid must end cancelled with `cancel_on_disconnect`, and
 * the taker's must still be among its open orders (read on another connection).
 */
export function cancelOnDisconnectReauth(ctx: RunContext, out: CheckOutcome[]): Promise<void> {
  const check = c.cancelOnDisconnectReauth;
  if (ctx.accounts.maker.id === ctx.accounts.taker.id) {
    out.push(
      check.skip(
        "the maker and the taker are one account: the check needs a second account to authenticate as",
      ),
    );
    return Promise.resolve();
  }
  return withDesk(ctx, async (desk) => {
    const I = desk.market.instrument;
    const theirs = await place(desk, desk.taker, "buy", desk.lots(1), desk.price(-9));
    const own = await openSubscriber(ctx, "maker");
    const buy = await own.call("private/buy", {
      instrument_name: I,
      amount: desk.lots(1),
      price: desk.price(-8),
      type: "limit",
    });
    const id = resultOf<{ order?: { order_id?: unknown } }>(buy)?.order?.order_id;
    if (typeof id !== "string") {
      out.push(
        check.fail(`the maker's bid was not placed: ${describeOutcome(buy)}`, { exchange: buy }),
      );
      return;
    }
    const enable = await own.call("private/enable_cancel_on_disconnect", { scope: "connection" });
    if (!hasResult(enable) || resultOf(enable) !== "ok") {
      out.push(
        check.fail(`enable_cancel_on_disconnect answered ${describeOutcome(enable)}`, {
          exchange: enable,
          expected: '"ok"',
        }),
      );
      return;
    }
    const taker = ctx.accounts.taker;
    const reauth = await own.call("public/auth", {
      grant_type: "client_credentials",
      client_id: taker.id,
      client_secret: taker.secret,
    });
    if (typeof resultOf<{ access_token?: unknown }>(reauth)?.access_token !== "string") {
      out.push(
        check.skip(
          `public/auth as the taker on the maker's connection answered ${describeOutcome(reauth)}: the server cannot be exercised (the check needs a connection that authenticates as a second account)`,
        ),
      );
      return;
    }
    await own.driver.close();
    const mine = await settled(ctx, desk.maker, id);
    const open = await openOrders(desk, desk.taker);
    const o = mine.order;
    const kept = open.orders.some((x) => x.order_id === theirs.order.order_id);
    out.push(
      check.verdict(
        o["order_state"] !== "cancelled" || o["cancel_reason"] !== "cancel_on_disconnect"
          ? `after the connection (which enabled cancel on disconnect as the maker, then authenticated as the taker) closed, the maker's order is ${JSON.stringify(o["order_state"])} with cancel_reason ${JSON.stringify(o["cancel_reason"])}${o["order_state"] === "open" ? ` (still, ${ctx.timeoutMs} ms later)` : ""}${kept ? "" : `, and the taker's order ${theirs.order.order_id} is no longer open`}`
          : !kept
            ? `the taker's order ${theirs.order.order_id} is no longer among its open orders: the close cancelled the orders of the account the connection last authenticated as, not of the one that enabled cancel on disconnect`
            : undefined,
        {
          exchange: o["order_state"] === "cancelled" ? open.exchange : mine.exchange,
          expected:
            'the maker\'s order "cancelled" with cancel_reason "cancel_on_disconnect", the taker\'s still open',
        },
      ),
    );
  });
}
