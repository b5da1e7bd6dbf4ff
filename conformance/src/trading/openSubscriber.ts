import type { Role } from "../core/Accounts.js";
import { authenticate } from "../core/authenticate.js";
import type { RunContext } from "../core/RunContext.js";
import { ScenarioError } from "../core/ScenarioError.js";
import type { Driver } from "../driver/Driver.js";
import { type Exchange, hasResult } from "../driver/Exchange.js";
import type { ServerNotification, SubscriptionParams } from "../driver/NotificationLog.js";

/** A subscription notification as checks read it. */
export type Notice = ServerNotification & { params: SubscriptionParams };

/** A WebSocket connection of its own (logged in as `role`, or anonymous) whose notifications are kept. */
export interface Subscriber {
  role: Role | "anonymous";
  driver: Driver;
  call(method: string, params?: unknown): Promise<Exchange>;
  /** The calls in ONE write on the socket (pipelined); their exchanges, in the order given. */
  pipeline(calls: readonly (readonly [method: string, params: unknown])[]): Promise<Exchange>[];
  /**
   * A `public/test` round trip: every notification the server sent on this connection before
   * it answered (everything a call answered before this one caused) has arrived by then.
   */
  fence(): Promise<Exchange>;
  /** Subscription notifications of a channel (or all) that arrived between two frames. */
  notices(channel?: string, from?: number, to?: number): Notice[];
}

/**
 * Opens a new WebSocket connection (the run's traffic recorder sees it), logged in with
 * client_credentials unless `role` is `anonymous`.
 *
 * @example
 * const taker = await openSubscriber(ctx, "taker");
 * await taker.call("private/subscribe", { channels: ["user.orders.BTC-PERPETUAL.raw"] });
 */
export async function openSubscriber(
  ctx: RunContext,
  role: Role | "anonymous",
): Promise<Subscriber> {
  const driver = await ctx.openDriver();
  if (driver.transport !== "ws") throw new ScenarioError("subscriptions need a WebSocket");
  if (role !== "anonymous") await authenticate(driver, ctx.accounts[role]);
  const call = (method: string, params?: unknown) => driver.call(method, params ?? {});
  return {
    role,
    driver,
    call,
    pipeline(calls) {
      if (driver.pipeline === undefined)
        throw new ScenarioError("the driver cannot write several calls at once");
      return driver.pipeline(calls);
    },
    async fence() {
      const exchange = await call("public/test", {});
      if (!hasResult(exchange) || exchange.frame === undefined)
        throw new ScenarioError(
          "public/test (sent to see every notification arrive) failed",
          exchange,
        );
      return exchange;
    },
    notices: (channel, from = 0, to = Number.POSITIVE_INFINITY) =>
      driver.notifications.subscriptions(channel, from).filter((n) => n.frame < to),
  };
}
