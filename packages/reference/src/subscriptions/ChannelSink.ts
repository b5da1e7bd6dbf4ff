/**
 * Where the feed's notifications go: the server's channel hub (`@unwind/server`'s `ChannelHub`
 * has these two members). `count` answers "is anyone listening?" so that a command nobody
 * listens to costs a few map lookups.
 */
export interface ChannelSink {
  /** Sends `{channel, data}` to the channel's subscribers; with `account`, only to that account's connections. */
  publish(channel: string, data: unknown, account?: number): void;
  /** Connections subscribed to the channel; with `account`, those of that account only. */
  count(channel: string, account?: number): number;
}
