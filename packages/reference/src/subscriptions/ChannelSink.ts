/**
 * Where the feed's notifications go: the server's channel hub (`@unwind/server`'s `ChannelHub`
 * has these members). `count` answers "is anyone listening?" so that a command nobody listens to
 * costs a few map lookups, and `version` lets the feed keep those answers between changes.
 */
export interface ChannelSink {
  /**
   * Sends `{channel, data}` to the channel's subscribers; with `account`, only to that account's
   * connections. `data` may be a `RawJson` (JSON text written once, spliced as it is).
   */
  publish(channel: string, data: unknown, account?: number): void;
  /** Connections subscribed to the channel; with `account`, those of that account only. */
  count(channel: string, account?: number): number;
  /**
   * Changes whenever `count`'s answers may have changed (a subscribe, an unsubscribe, a
   * connection authenticating): the feed asks `count` again only then. Undefined: on every command.
   */
  readonly version?: number | undefined;
}
