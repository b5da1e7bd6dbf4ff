/** A JSON-RPC notification the server sent on a WebSocket connection (a frame with `method` and no `id`). */
export interface ServerNotification {
  method: string;
  params: unknown;
  /** The frame's text as it came. */
  text: string;
  /** The client's clock when it arrived, microseconds since the epoch. */
  atUs: number;
  /** The frame's position among every frame of its connection (answers included), from 0. */
  frame: number;
}

/** The `params` of a `subscription` notification. */
export interface SubscriptionParams {
  channel: string;
  data: unknown;
  label?: unknown;
}

/**
 * The notifications of one connection, in arrival order, with a way to wait for one. Answers
 * and notifications share one frame counter, so a check can tell which came first.
 *
 * @example
 * const log = new NotificationLog();
 * const heartbeat = await log.waitFor((n) => n.method === "heartbeat", 12_000);
 */
export class NotificationLog {
  readonly entries: ServerNotification[] = [];
  private waiters: {
    test(n: ServerNotification): boolean;
    resolve(n: ServerNotification): void;
  }[] = [];

  /** Adds a notification (the driver calls it). */
  add(notification: ServerNotification): void {
    this.entries.push(notification);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(notification)) return true;
      w.resolve(notification);
      return false;
    });
  }

  /** The `subscription` notifications, optionally of one channel, from the `from`-th frame on. */
  subscriptions(
    channel?: string,
    from = 0,
  ): (ServerNotification & { params: SubscriptionParams })[] {
    return this.entries.filter(
      (n): n is ServerNotification & { params: SubscriptionParams } =>
        n.frame >= from &&
        n.method === "subscription" &&
        isSubscription(n.params) &&
        (channel === undefined || n.params.channel === channel),
    );
  }

  /**
   * The first notification (already arrived, or arriving within `timeoutMs`) that `test`
   * accepts; undefined when none came in time.
   */
  waitFor(
    test: (n: ServerNotification) => boolean,
    timeoutMs: number,
  ): Promise<ServerNotification | undefined> {
    const found = this.entries.find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => {
      const waiter = {
        test,
        resolve: (n: ServerNotification) => {
          clearTimeout(timer);
          resolve(n);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}

/** Whether notification params have the `{channel, data}` shape of a subscription. */
export function isSubscription(params: unknown): params is SubscriptionParams {
  return (
    params !== null &&
    typeof params === "object" &&
    typeof (params as Record<string, unknown>)["channel"] === "string" &&
    "data" in (params as object)
  );
}
