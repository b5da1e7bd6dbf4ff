const CHANNEL =
  /^(?:user\.(?:orders|trades|changes)\.(.+)\.raw|(?:book|trades)\.(.+)\.(?:raw|100ms))$/;

/** The instrument a channel name is about (`book.BTC-PERPETUAL.raw` -> `BTC-PERPETUAL`), if it names one. */
export function channelInstrument(channel: string): string | undefined {
  const m = CHANNEL.exec(channel);
  return m === null ? undefined : (m[1] ?? m[2]);
}
