/** buy or sell. */
export type Direction = "buy" | "sell";
/** limit or market. */
export type OrderType = "limit" | "market";
/** How long an order stays in the book. */
export type TimeInForce = "good_til_cancelled" | "immediate_or_cancel" | "fill_or_kill";
/** An order's state (the engine never keeps a rejected order: a rejection is a result code). */
export type OrderState = "open" | "filled" | "cancelled";
/** Why an order was cancelled. */
export type CancelReason =
  | "user_request"
  | "reduce_only"
  | "self_trade"
  | "immediate_or_cancel"
  | "fill_or_kill"
  | "cancel_on_disconnect";
