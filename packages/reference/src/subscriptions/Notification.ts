/** One notification of a command: the channel, the account it is private to (if any), the data. */
export interface Notification {
  readonly channel: string;
  readonly account: number | undefined;
  readonly data: unknown;
}
