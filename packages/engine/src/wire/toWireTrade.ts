import type { Engine } from "../Engine.js";
import type { Direction, OrderType } from "../OrderVocabulary.js";
import type { Trade } from "../Trade.js";
import { formatAmount, formatPrice } from "./format.js";

/** The Trade object of the wire (shapes.md), from one side of the trade. */
export interface WireTrade {
  trade_id: string;
  trade_seq: number;
  order_id: string;
  instrument_name: string;
  direction: Direction;
  price: string;
  amount: string;
  timestamp: number;
  state: "open" | "filled";
  liquidity: "T" | "M";
  order_type: OrderType;
  reduce_only: boolean;
  post_only: boolean;
  label: string;
  fee: string;
  fee_currency: string;
  index_price: string;
  mark_price: string;
  tick_direction: number;
  matching_id: null;
}

/** Converts a trade to its wire object, as the taker ("T") or the maker ("M") sees it. */
export function toWireTrade(engine: Engine, trade: Trade, liquidity: "T" | "M" = "T"): WireTrade {
  const taker = liquidity === "T";
  const order = engine.orders.bySeq(taker ? trade.takerSeq : trade.makerSeq)!;
  const instrument = order.book.instrument;
  const price = formatPrice(instrument, trade.price);
  return {
    trade_id: trade.id,
    trade_seq: trade.seq,
    order_id: order.id,
    instrument_name: instrument.name,
    direction: taker ? trade.direction : trade.direction === "buy" ? "sell" : "buy",
    price,
    amount: formatAmount(instrument, trade.amount),
    timestamp: trade.timestamp,
    state: taker ? trade.takerState : trade.makerState,
    liquidity,
    order_type: order.orderType,
    reduce_only: order.reduceOnly,
    post_only: order.postOnly,
    label: order.label,
    fee: "0",
    fee_currency: instrument.config.settlement_currency,
    index_price: price,
    mark_price: price,
    tick_direction: trade.tickDirection,
    matching_id: null,
  };
}
