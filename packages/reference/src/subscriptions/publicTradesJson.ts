import type { PublicTrade } from "./toPublicTrade.js";

/**
 * `JSON.stringify(trades)` of `trades.{instrument}.raw` data, written without walking the
 * objects. Trade ids are the engine's decimal digits and the decimals canonical (no escaping);
 * the instrument name goes through `JSON.stringify`.
 */
export function publicTradesJson(trades: readonly PublicTrade[]): string {
  let out = "[";
  for (let i = 0; i < trades.length; i++) {
    const t = trades[i]!;
    out += `${i === 0 ? "" : ","}{"trade_id":"${t.trade_id}","trade_seq":${t.trade_seq},"timestamp":${t.timestamp},"instrument_name":${JSON.stringify(t.instrument_name)},"price":"${t.price}","amount":"${t.amount}","direction":"${t.direction}"}`;
  }
  return `${out}]`;
}
