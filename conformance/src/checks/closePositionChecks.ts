import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

const CP = "private/close_position";
const steps = specRef(CP, "/description", "Steps");
const error = (name: string, note?: string) =>
  specRef(undefined, `/components/errors/${name}`, note);

/** Checks of private/close_position, reached through trading scenarios with two accounts. */
export const closePositionChecks = {
  orderShape: defineCheck({
    id: "close-order-shape",
    description:
      'The placed order: order_id a digit string, direction opposite to the position, amount = |size|, contracts = amount / contract_size, limit, reduce_only, good_til_cancelled, not post_only, reject_post_only false, label ""',
    method: CP,
    specReferences: [steps, specRef(undefined, "/components/schemas/ClosePositionOrder")],
  }),
  price: defineCheck({
    id: "close-price",
    description:
      "The order's price is the given price, or without one the best opposite price (best bid closing a long, best ask closing a short)",
    method: CP,
    specReferences: [steps, specRef(CP, "/params/2")],
  }),
  fill: defineCheck({
    id: "close-fill",
    description:
      "It matches at once: trades at the resting orders' prices, their amounts sum to filled_amount, order_state filled when the whole position closed",
    method: CP,
    specReferences: [steps, specRef(CP, "/result")],
  }),
  timestamps: defineCheck({
    id: "close-timestamps",
    description:
      "The close order's creation_timestamp <= last_update_timestamp and its trades' timestamp are integer milliseconds since the epoch, within 60 s of the wall clock",
    method: CP,
    specReferences: [
      specRef(undefined, "/components/schemas/Timestamp"),
      specRef(undefined, "/components/schemas/Order/properties/creation_timestamp"),
      specRef(undefined, "/components/schemas/Trade/properties/timestamp"),
    ],
  }),
  flat: defineCheck({
    id: "close-position-flat",
    description:
      'After the closing order fills, get_position answers size "0", direction zero, and (when present) average_price, size_currency and floating_profit_loss "0"',
    method: CP,
    specReferences: [steps, specRef(undefined, "/components/schemas/Position")],
  }),
  partialRests: defineCheck({
    id: "close-partial-rests",
    description:
      "A partial fill leaves the order open with the rest resting in the book at its price",
    method: CP,
    specReferences: [steps],
  }),
  partialLaterFilled: defineCheck({
    id: "close-partial-later-filled",
    description:
      "The resting rest fills when the other side arrives; the order ends filled and the position flat",
    method: CP,
    specReferences: [steps],
  }),
  noPosition: defineCheck({
    id: "close-no-position",
    description:
      "Closing a flat position answers 11030 other_reject with data.reason no_open_position",
    method: CP,
    specReferences: [specRef(CP, "/x-reject-reasons"), error("OtherReject", "no_open_position")],
  }),
  checkOrder: defineCheck({
    id: "close-check-order",
    description:
      "The steps' order decides which refusal comes: a flat close with price 0 answers 10023 and one off the tick 10043 (price before position); an unknown instrument with price 0 answers 10020 (instrument first)",
    method: CP,
    specReferences: [steps, specRef(CP, "/examples/10", "checked before the position")],
  }),
  realizedPnl: defineCheck({
    id: "close-realized-pnl",
    description:
      "The close's fills book realized profit and loss like any reducing fill: realized_profit_loss moves by (p - average_price) * q closing a long, (average_price - p) * q closing a short",
    method: CP,
    specReferences: [specRef(CP, "/description", "Position bookkeeping")],
  }),
  unknownInstrument: defineCheck({
    id: "close-unknown-instrument",
    description:
      "An instrument the server does not list answers 10020 invalid_or_unsupported_instrument",
    method: CP,
    specReferences: [error("InvalidOrUnsupportedInstrument")],
  }),
  invalidPrice: defineCheck({
    id: "close-invalid-price",
    description: 'A price not greater than zero ("0", negative) answers 10023 invalid_price',
    method: CP,
    specReferences: [error("InvalidPrice")],
  }),
  wrongTick: defineCheck({
    id: "close-price-wrong-tick",
    description: "A price off the instrument's tick grid answers 10043 price_wrong_tick",
    method: CP,
    specReferences: [error("PriceWrongTick")],
  }),
  noLiquidity: defineCheck({
    id: "close-no-liquidity",
    description:
      "Without a price and with the opposite side empty: 11030 other_reject with data.reason no_liquidity",
    method: CP,
    specReferences: [specRef(CP, "/x-reject-reasons"), error("OtherReject", "no_liquidity")],
  }),
  rejectedNothing: defineCheck({
    id: "close-rejected-places-nothing",
    description:
      "A refused close_position places nothing and changes nothing (no open order, same position)",
    method: CP,
    specReferences: [steps],
  }),
};

/** Checks of the reduce-only rules and self-trade prevention, seen through close_position's order. */
export const reduceOnlyChecks = {
  shrinks: defineCheck({
    id: "reduce-only-shrinks",
    description:
      "When the position shrinks through other fills, the resting reduce-only order's open amount shrinks to |position| (replaced true)",
    method: CP,
    specReferences: [specRef(CP, "/description", "Reduce-only rules")],
  }),
  cancelledWhenFlat: defineCheck({
    id: "reduce-only-cancelled-when-flat",
    description:
      "When the position goes flat, the resting reduce-only order is cancelled with cancel_reason reduce_only",
    method: CP,
    specReferences: [
      specRef(CP, "/description", "Reduce-only rules"),
      specRef(undefined, "/components/schemas/CancelReason"),
    ],
  }),
  selfTradeCancels: defineCheck({
    id: "self-trade-cancels-own",
    description:
      "The closing order never trades with its own account's resting order: that order is cancelled with cancel_reason self_trade",
    method: CP,
    specReferences: [
      specRef(CP, "/description", "Self-trade"),
      specRef(undefined, "/components/schemas/CancelReason"),
    ],
  }),
  selfTradeContinues: defineCheck({
    id: "self-trade-matching-continues",
    description:
      "After cancelling its own resting order, matching goes on against the other account's orders",
    method: CP,
    specReferences: [specRef(CP, "/description", "Self-trade")],
  }),
};

/** One account cannot see or touch another's orders. */
export const isolationChecks = {
  orderState: defineCheck({
    id: "isolation-get-order-state",
    description: "get_order_state of another account's order answers 10004 order_not_found",
    method: "private/get_order_state",
    specReferences: [
      specRef(undefined, "/components/errors/OrderNotFound"),
      specRef(undefined, "/components/schemas/OrderId"),
    ],
  }),
  cancel: defineCheck({
    id: "isolation-cancel",
    description:
      "cancel of another account's order answers 10004 order_not_found and leaves the order open",
    method: "private/cancel",
    specReferences: [specRef(undefined, "/components/errors/OrderNotFound")],
  }),
  openOrders: defineCheck({
    id: "isolation-open-orders",
    description: "get_open_orders_by_instrument lists only the caller's orders",
    method: "private/get_open_orders_by_instrument",
    specReferences: [specRef("private/get_open_orders_by_instrument", "/result")],
  }),
};
