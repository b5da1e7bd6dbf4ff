import { ClientError } from "./ClientError.js";

/**
 * A subscription's consumer fell `bufferSize` notifications behind: the iterator left the
 * channel (later notifications are not buffered) and rejects with this once it has yielded
 * what it held. Re-read the state (e.g. `private/get_position`) and subscribe again.
 */
export class SubscriptionOverflowError extends ClientError {
  override name = "SubscriptionOverflowError";
  readonly channel: string;
  readonly bufferSize: number;

  constructor(channel: string, bufferSize: number) {
    super(`The subscription to ${channel} fell more than ${bufferSize} notifications behind.`, {
      details: `Its consumer did not keep up: notifications after the ${bufferSize} buffered ones were not kept. Raise bufferSize, or use overflow: "drop-oldest" when only the latest value matters.`,
    });
    this.channel = channel;
    this.bufferSize = bufferSize;
  }
}
