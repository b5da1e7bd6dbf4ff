import { ClientError } from "./ClientError.js";

/**
 * The server answered a subscribe without error but its list of subscribed channels lacks the
 * one asked for (Deribit drops channels it does not serve from the list instead of refusing).
 */
export class ChannelNotSubscribedError extends ClientError {
  override name = "ChannelNotSubscribedError";
  readonly channel: string;
  /** What the server answered. */
  readonly result: unknown;

  constructor(channel: string, method: string, result: unknown) {
    super(`The server did not subscribe ${channel}.`, {
      method,
      details: `Expected a list of channels containing "${channel}", but got ${JSON.stringify(result)}.`,
    });
    this.channel = channel;
    this.result = result;
  }
}
