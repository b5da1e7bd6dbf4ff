import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

const BOOK = "public/get_order_book";
const err = (name: string) => specRef(undefined, `/components/errors/${name}`);

/** Orders and books: listing, cancelling, reduce-only placement, instrument rules, ids. */
export const orderChecks = {
  reduceOnlyListed: defineCheck({
    id: "reduce-only-open-orders",
    description:
      "A reduce-only order shrunk with its position shows the new amount in get_open_orders_by_instrument too, as in get_order_state",
    method: "private/get_open_orders_by_instrument",
    specReferences: [
      specRef("private/close_position", "/description", "Reduce-only rules"),
      specRef("private/get_open_orders_by_instrument", "/result"),
    ],
  }),
  bookSorted: defineCheck({
    id: "book-sorted",
    description:
      "get_order_book lists bids from the highest price down and asks from the lowest up, each level's amount the sum of its orders",
    method: BOOK,
    specReferences: [
      specRef(undefined, "/components/schemas/OrderBook"),
      specRef(BOOK, "/description"),
    ],
  }),
  bookBest: defineCheck({
    id: "book-best-prices",
    description:
      'get_order_book\'s best_bid_price/best_bid_amount and best_ask_price/best_ask_amount are its first level of each side (null and "0" for an empty side)',
    method: BOOK,
    specReferences: [
      specRef(undefined, "/components/schemas/OrderBook/properties/best_bid_price"),
      specRef(undefined, "/components/schemas/OrderBook/properties/best_ask_amount"),
    ],
  }),
  bookChangeId: defineCheck({
    id: "book-change-id",
    description:
      "get_order_book's change_id grows when orders are placed in the book (read before and after)",
    method: BOOK,
    specReferences: [specRef(undefined, "/components/schemas/OrderBook/properties/change_id")],
  }),
  label: defineCheck({
    id: "order-label-kept",
    description:
      "A label of 64 characters (the most OrderLabel allows) comes back whole in buy's answer and in get_open_orders_by_instrument",
    method: "private/buy",
    specReferences: [
      specRef(undefined, "/components/schemas/OrderLabel"),
      specRef("private/buy", "/params/4"),
    ],
  }),
  cancelAnswer: defineCheck({
    id: "cancel-answer",
    description:
      "private/cancel of an open order answers that order as it stands after the cancel: order_state cancelled, cancel_reason user_request; it leaves the book",
    method: "private/cancel",
    specReferences: [specRef("private/cancel", "/description")],
  }),
  bookDepth: defineCheck({
    id: "book-depth",
    description:
      "get_order_book answers at most depth levels per side, the best ones, over HTTP POST, the HTTP GET form and WebSocket",
    method: BOOK,
    specReferences: [specRef(BOOK, "/params/1"), specRef(BOOK, "/description")],
  }),
  cancelNotOpen: defineCheck({
    id: "cancel-not-open",
    description: "Cancelling a filled or an already cancelled order answers 11044 not_open_order",
    method: "private/cancel",
    specReferences: [specRef("private/cancel", "/description"), err("NotOpenOrder")],
  }),
  reduceOnlyRejected: defineCheck({
    id: "reduce-only-rejected",
    description:
      "A reduce-only sell while flat, or a reduce-only buy while long (it would grow the position), is rejected with 11030 {reason: reduce_only}",
    method: "private/buy",
    specReferences: [specRef("private/buy", "/description", "Reduce-only"), err("OtherReject")],
  }),
  reduceOnlyCut: defineCheck({
    id: "reduce-only-cut",
    description:
      "A reduce-only sell larger than the long position is cut to its size when placed (replaced true), in the answer and in get_order_state",
    method: "private/sell",
    specReferences: [
      specRef("private/buy", "/description", "is cut to it when placed"),
      specRef(undefined, "/components/schemas/Order/properties/amount"),
    ],
  }),
  idsIncrease: defineCheck({
    id: "order-ids-increase",
    description:
      "Order ids are strictly increasing in the order the server accepted the orders (compared as integers)",
    method: "private/buy",
    specReferences: [specRef(undefined, "/components/schemas/OrderId")],
  }),
  priceTick: defineCheck({
    id: "instrument-price-tick",
    description:
      "On every instrument get_instruments lists, a price off its tick_size grid answers 10043 price_wrong_tick (one result per instrument)",
    method: "private/buy",
    specReferences: [err("PriceWrongTick"), specRef(undefined, "/components/schemas/Instrument")],
  }),
  contractAmount: defineCheck({
    id: "instrument-contract-amount",
    description:
      "On every instrument get_instruments lists, an amount not a multiple of its contract_size answers 10027 non_integer_contract_amount (one result per instrument)",
    method: "private/buy",
    specReferences: [
      err("NonIntegerContractAmount"),
      specRef(undefined, "/components/schemas/Instrument"),
    ],
  }),
};
