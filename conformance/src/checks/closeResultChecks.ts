import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

const CP = "private/close_position";

/** What close_position answers: its price with the caller's own orders, its trades, its order. */
export const closeResultChecks = {
  ownOrdersPrice: defineCheck({
    id: "close-price-own-orders",
    description:
      "Without a price, the best opposite price counts the caller's own resting orders (its own best bid closing a long)",
    method: CP,
    specReferences: [specRef(CP, "/description", "the caller's own resting")],
  }),
  everyTrade: defineCheck({
    id: "close-trades-every-level",
    description:
      "A close that fills against several price levels returns every trade, in the order they happened, each at its resting order's price and amount",
    method: CP,
    specReferences: [
      specRef(undefined, "/components/schemas/ClosePositionResult/properties/trades"),
      specRef(CP, "/description", "Each trade is at the resting order's price"),
    ],
  }),
  answerMatchesState: defineCheck({
    id: "close-answer-matches-state",
    description:
      "Every field of close_position's order agrees with get_order_state and get_open_orders_by_instrument read right after (and those two agree)",
    method: CP,
    specReferences: [
      specRef(CP, "/description", "field it returns has its `Order` meaning"),
      specRef(undefined, "/components/schemas/Order"),
    ],
  }),
  fillFigures: defineCheck({
    id: "close-order-fill-figures",
    description:
      "A close that fills part of its amount through several levels: its order's filled_amount is the sum of the fills, average_price their volume-weighted price, order_state open (in the answer and get_order_state)",
    method: CP,
    specReferences: [
      specRef(undefined, "/components/schemas/Order/properties/average_price"),
      specRef(undefined, "/components/schemas/Order/properties/filled_amount"),
      specRef(undefined, "/components/schemas/OrderState"),
    ],
  }),
  tradeFields: defineCheck({
    id: "close-trade-fields",
    description:
      "Each trade of the close is the caller's side of it: order_id the close order's, its instrument and direction, liquidity T, state the order's state right after it (open while a rest remains), reduce_only, not post_only, limit, label \"\"; distinct trade_ids, trade_seq consecutive (skipped without trades)",
    method: CP,
    specReferences: [
      specRef(undefined, "/components/schemas/Trade"),
      specRef(undefined, "/components/schemas/Trade/properties/trade_seq"),
      specRef(undefined, "/components/schemas/Liquidity"),
    ],
  }),
  openOrdersListing: defineCheck({
    id: "open-orders-listing",
    description:
      'get_open_orders_by_instrument lists only open orders (order_state open), oldest first (ascending order_id), and type "limit" lists the same orders as the default',
    method: "private/get_open_orders_by_instrument",
    specReferences: [
      specRef("private/get_open_orders_by_instrument", "/description"),
      specRef(undefined, "/components/schemas/OrderList"),
      specRef(undefined, "/components/schemas/OpenOrdersType"),
    ],
  }),
};
