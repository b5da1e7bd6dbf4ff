import type { Order } from "../Order.js";
import type {
  CancelReason,
  Direction,
  OrderState,
  OrderType,
  TimeInForce,
} from "../OrderVocabulary.js";
import { formatAmount, formatPrice, formatPriceRatio } from "./format.js";

/** The Order object of the wire (shapes.md): decimals as strings. */
export interface WireOrder {
  order_id: string;
  instrument_name: string;
  direction: Direction;
  order_type: OrderType;
  order_state: OrderState;
  time_in_force: TimeInForce;
  price: string;
  amount: string;
  filled_amount: string;
  average_price: string;
  label: string;
  post_only: boolean;
  reject_post_only: boolean;
  reduce_only: boolean;
  creation_timestamp: number;
  last_update_timestamp: number;
  api: true;
  web: false;
  replaced: boolean;
  is_liquidation: false;
  max_show: string;
  contracts: string;
  cancel_reason?: CancelReason;
}

/** Converts a live order to its wire object (a market order's price is its average fill price). */
export function toWireOrder(order: Order): WireOrder {
  const instrument = order.book.instrument;
  const average = order.filled === 0 ? "0" : formatPriceRatio(instrument, order.cost, order.filled);
  const amount = formatAmount(instrument, order.amount);
  const w: WireOrder = {
    order_id: order.id,
    instrument_name: instrument.name,
    direction: order.direction,
    order_type: order.orderType,
    order_state: order.state,
    time_in_force: order.timeInForce,
    price: order.orderType === "market" ? average : formatPrice(instrument, order.price),
    amount,
    filled_amount: formatAmount(instrument, order.filled),
    average_price: average,
    label: order.label,
    post_only: order.postOnly,
    reject_post_only: order.rejectPostOnly,
    reduce_only: order.reduceOnly,
    creation_timestamp: order.creationTimestamp,
    last_update_timestamp: order.lastUpdateTimestamp,
    api: true,
    web: false,
    replaced: order.replaced,
    is_liquidation: false,
    max_show: amount,
    contracts: String(order.amount),
  };
  if (order.state === "cancelled" && order.cancelReason !== null)
    w.cancel_reason = order.cancelReason;
  return w;
}
