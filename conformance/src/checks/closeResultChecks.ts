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
};
