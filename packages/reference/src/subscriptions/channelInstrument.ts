const CHANNEL = /^(?:user\.(?:orders|trades|changes)|book|trades)\.(.+)\.raw$/;

/** The instrument a channel name is about (`book.BTC-PERPETUAL.raw` -> `BTC-PERPETUAL`), if it names one. */
export function channelInstrument(channel: string): string | undefined {
  return CHANNEL.exec(channel)?.[1];
}
