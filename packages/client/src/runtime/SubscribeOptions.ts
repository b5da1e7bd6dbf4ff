/** Options of one `subscribe(channel, options)`. */
export interface SubscribeOptions {
  /**
   * Subscribe with `private/subscribe` (default: the channel table's `private` flag; a channel
   * the table does not know is private when its name starts with `user.`, as on Deribit).
   */
  private?: boolean;
  /**
   * Notifications held for this iterator while its consumer is busy (default 10 000). When one
   * more arrives, `overflow` decides.
   */
  bufferSize?: number;
  /**
   * `"error"` (default): the iterator leaves the channel (unsubscribing when it was the last),
   * yields what it had buffered, then its `next()` rejects with `SubscriptionOverflowError`, so
   * a gap is never silent. `"drop-oldest"`: the oldest buffered notification is dropped and the
   * iterator carries on (for channels where only the latest value matters).
   */
  overflow?: "error" | "drop-oldest";
}
