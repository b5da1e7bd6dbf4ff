import type { OrderType, TimeInForce } from "./OrderVocabulary.js";

/** Places an order: prices in ticks, amounts in lots (validated integers). */
export interface PlaceCommand {
  type: "buy" | "sell";
  account: number;
  instrument: string;
  /** Order size in lots (amount / contract_size). */
  amount: number;
  /** Limit price in ticks; absent for a market order. */
  price?: number;
  orderType: OrderType;
  timeInForce: TimeInForce;
  postOnly: boolean;
  rejectPostOnly: boolean;
  reduceOnly: boolean;
  label: string;
  /** Milliseconds since the epoch: the engine's only clock. */
  timestamp: number;
}

/** Cancels one of the account's open orders. */
export interface CancelCommand {
  type: "cancel";
  account: number;
  orderId: string;
  timestamp: number;
}

/**
 * Cancels every open order of the account, oldest first (cancel on disconnect: the reason the
 * orders are closed with). Succeeds with no events when nothing is open.
 */
export interface CancelAllCommand {
  type: "cancel_all";
  account: number;
  reason: "cancel_on_disconnect";
  timestamp: number;
}

/** Closes the account's position in an instrument with one reduce-only limit order. */
export interface ClosePositionCommand {
  type: "close_position";
  account: number;
  instrument: string;
  /** Limit price in ticks; absent to take the best opposite price. */
  price?: number;
  timestamp: number;
}

/** Everything that changes the engine's state: plain data, journaled and replayed as is. */
export type Command = PlaceCommand | CancelCommand | CancelAllCommand | ClosePositionCommand;
