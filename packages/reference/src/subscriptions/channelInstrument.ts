// `s`: an instrument part with a line break (which the server's `[^.]+` patterns accept) is still
// found, and refused as an instrument the engine does not list.
const CHANNEL =
  /^(?:user\.(?:orders|trades|changes)\.(.+)\.raw|(?:book|trades)\.(.+)\.(?:raw|100ms))$/s;

/** The instrument a channel name is about (`book.BTC-PERPETUAL.raw` -> `BTC-PERPETUAL`), if it names one. */
export function channelInstrument(channel: string): string | undefined {
  const m = CHANNEL.exec(channel);
  return m === null ? undefined : (m[1] ?? m[2]);
}
