import { type Engine, formatAmount, formatPrice, type Trade } from "@unwind/engine";

/** The `trades.{instrument}.raw` item: a trade as everyone sees it (direction: the taker's). */
export interface PublicTrade {
  trade_id: string;
  trade_seq: number;
  timestamp: number;
  instrument_name: string;
  price: string;
  amount: string;
  direction: "buy" | "sell";
}

/** A trade as `trades.{instrument}.raw` shows it, decimals formatted as in `private/buy`'s trades. */
export function toPublicTrade(engine: Engine, t: Trade): PublicTrade {
  const instrument = engine.book(t.instrument)!.instrument;
  return {
    trade_id: t.id,
    trade_seq: t.seq,
    timestamp: t.timestamp,
    instrument_name: t.instrument,
    price: formatPrice(instrument, t.price),
    amount: formatAmount(instrument, t.amount),
    direction: t.direction,
  };
}
