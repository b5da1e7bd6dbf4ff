import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

const PUB = "public/subscribe";
const PRIV = "private/subscribe";
const UNSUB = "public/unsubscribe";
const CHANNELS = "/x-channels";
const NOTE = "subscription";
/** Where public/subscribe lets a server serve the raw interval only. */
const OPTIONAL_100MS = "may be served at `100ms` too";
/** An `x-channels` entry, by its index in the spec. */
const channel = (index: number, name: string) => specRef(undefined, `${CHANNELS}/${index}`, name);

/** Subscriptions (WebSocket): the answers, the notifications of a close, their order and reach. */
export const subscriptionChecks = {
  subscribeAnswer: defineCheck({
    id: "subscribe-answer",
    description:
      "public/subscribe and private/subscribe answer the list of channels now subscribed (every channel asked for)",
    method: PUB,
    specReferences: [specRef(PUB, "/result"), specRef(PRIV, "/result")],
  }),
  notificationSchema: defineCheck({
    id: "subscription-data-schema",
    description:
      "Every subscription notification is {jsonrpc, method: subscription, params: {channel, data}} on a channel subscribed, its data valid against the channel's x-channels schema",
    method: PUB,
    specReferences: [specRef(undefined, CHANNELS), specRef(NOTE, "/params")],
  }),
  label: defineCheck({
    id: "subscription-label",
    description:
      "private/subscribe's label comes back as params.label on every notification of its private channels",
    method: PRIV,
    specReferences: [specRef(PRIV, "/description", "`params.label`")],
  }),
  closeOrder: defineCheck({
    id: "user-orders-close-order",
    description:
      "user.orders brings the close order with the same fields as close_position's answer and get_order_state afterwards (compared, never merged)",
    method: PRIV,
    specReferences: [channel(0, "user.orders.{instrument_name}.raw")],
  }),
  closeTrades: defineCheck({
    id: "user-trades-close",
    description: "user.trades brings exactly the trades close_position answered, field by field",
    method: PRIV,
    specReferences: [channel(1, "user.trades.{instrument_name}.raw")],
  }),
  changesFlat: defineCheck({
    id: "user-changes-position-flat",
    description:
      "user.changes of the close brings the close order, its trades and the position at size 0",
    method: PRIV,
    specReferences: [channel(2, "user.changes.{instrument_name}.raw")],
  }),
  bookSnapshot: defineCheck({
    id: "book-snapshot-first",
    description:
      "book.{instrument}.raw: the first message is a snapshot (every level new, no prev_change_id) with the levels get_order_book shows",
    method: PUB,
    specReferences: [
      channel(3, "book.{instrument_name}.raw"),
      specRef(PUB, "/description", "first gets a `snapshot`"),
    ],
  }),
  bookChain: defineCheck({
    id: "book-change-chain",
    description:
      "book.{instrument}.raw: after the snapshot only changes, each with prev_change_id = the previous message's change_id (no gap)",
    method: PUB,
    specReferences: [
      channel(3, "book.{instrument_name}.raw"),
      specRef(undefined, "/components/schemas/BookChange/properties/prev_change_id"),
    ],
  }),
  bookConsistent: defineCheck({
    id: "book-levels-consistent",
    description:
      "The snapshot with its changes applied (new, change, delete) gives the levels get_order_book shows afterwards",
    method: PUB,
    specReferences: [
      channel(3, "book.{instrument_name}.raw"),
      specRef(undefined, "/components/schemas/BookChange/properties/bids"),
      specRef("public/get_order_book", "/result"),
    ],
  }),
  publicTrades: defineCheck({
    id: "public-trades-match-fills",
    description:
      "trades.{instrument}.raw brings each trade of the close with its trade_id, price, amount and the taker's direction",
    method: PUB,
    specReferences: [channel(4, "trades.{instrument_name}.raw")],
  }),
  book100ms: defineCheck({
    id: "book-100ms",
    description:
      "book.{instrument}.100ms: first a snapshot (every level new, no prev_change_id) with the levels get_order_book shows, then changes chained by prev_change_id (no gap) that list only levels whose amount differs from what the channel told, and which applied give get_order_book's levels once the book is left alone",
    method: PUB,
    specReferences: [
      channel(7, "book.{instrument_name}.100ms"),
      specRef(undefined, "/components/schemas/BookChange/properties/prev_change_id"),
      specRef("public/get_order_book", "/result"),
      specRef(PUB, "/description", OPTIONAL_100MS),
    ],
  }),
  book100msAggregated: defineCheck({
    id: "book-100ms-aggregated",
    description:
      "After a burst of pipelined commands, book.{instrument}.100ms changes and trades.{instrument}.100ms messages come at most one every 100 ms (at least 60 ms apart at the client), at most ceil(burst ms / 100) + 2 of each, not one per command",
    method: PUB,
    specReferences: [
      channel(7, "book.{instrument_name}.100ms"),
      channel(8, "trades.{instrument_name}.100ms"),
      specRef(PUB, "/description", OPTIONAL_100MS),
    ],
  }),
  trades100ms: defineCheck({
    id: "trades-100ms",
    description:
      "trades.{instrument}.100ms brings every trade of a burst exactly once (by trade_id, with the price, amount and taker's direction the orders' answers report), in execution order (trade_seq increasing), each message valid against the channel's schema",
    method: PUB,
    specReferences: [
      channel(8, "trades.{instrument_name}.100ms"),
      specRef(PUB, "/description", OPTIONAL_100MS),
    ],
  }),
  beforeResponse: defineCheck({
    id: "notifications-before-response",
    description:
      "On the connection that made the call, the notifications the call caused arrive before its response",
    method: PRIV,
    specReferences: [specRef(NOTE, "/description", "Ordering: the notifications a call causes")],
  }),
  kindCurrency: defineCheck({
    id: "user-kind-currency-channels",
    description:
      "user.orders.any.any.raw and user.trades.any.any.raw bring the same notifications as the instrument's user.orders and user.trades, in the same order",
    method: PRIV,
    specReferences: [
      channel(5, "user.orders.{kind}.{currency}.raw"),
      channel(6, "user.trades.{kind}.{currency}.raw"),
    ],
  }),
  isolated: defineCheck({
    id: "user-channels-isolated",
    description:
      "A connection of one account never receives another account's orders or trades on user.* channels",
    method: PRIV,
    specReferences: [
      specRef(NOTE, "/description", "reach only"),
      specRef(PRIV, "/description", "and no other"),
    ],
  }),
  unsubscribe: defineCheck({
    id: "unsubscribe-stops",
    description:
      "unsubscribe answers the channels unsubscribed; after its answer, changes bring nothing on them (while a channel still subscribed keeps coming)",
    method: UNSUB,
    specReferences: [specRef(UNSUB, "/result"), specRef("private/unsubscribe", "/result")],
  }),
  unsubscribeAll: defineCheck({
    id: "unsubscribe-all",
    description:
      'unsubscribe_all answers "ok", and afterwards changes bring nothing; unsubscribe then answers []',
    method: "public/unsubscribe_all",
    specReferences: [
      specRef("public/unsubscribe_all", "/result"),
      specRef("private/unsubscribe_all", "/result"),
    ],
  }),
  badChannel: defineCheck({
    id: "subscribe-bad-channel",
    description:
      "An unknown channel, an interval the channel is not served at (agg2), user.* through public/subscribe or an unknown instrument: -32602 with data.param channels, and nothing subscribed (not even the good channels of the call)",
    method: PUB,
    specReferences: [
      specRef(PUB, "/errors"),
      specRef(PUB, "/description", "One bad channel refuses the whole call"),
    ],
  }),
  lineBreakChannel: defineCheck({
    id: "channel-line-break-refused",
    description:
      "A channel whose instrument part holds a line break (book.{instrument}\\n.raw, \\r or U+2028), alone or beside a good channel, is refused: -32602 with data.param channels for the whole call, never answered with the channel, and nothing subscribed",
    method: PUB,
    specReferences: [
      specRef(PUB, "/errors"),
      specRef(PUB, "/description", "One bad channel refuses the whole call"),
      specRef(PUB, "/description", "an instrument the server does not list"),
    ],
  }),
  pipelinedOrder: defineCheck({
    id: "pipelined-notifications-order",
    description:
      "A book subscriber that sends, in one socket write, orders that change the book and then public/unsubscribe of the book gets each order's book change before that order's answer and all of them before the unsubscribe answer (when the answers come in the order sent, every order's change comes)",
    method: UNSUB,
    specReferences: [
      specRef(NOTE, "/description", "Ordering: the notifications a call causes"),
      specRef(NOTE, "/description", "before the response to any call the server handles after"),
      specRef(UNSUB, "/result"),
    ],
  }),
  resubscribeChain: defineCheck({
    id: "book-resubscribe-chain",
    description:
      "Subscribing the book again after an unsubscribe and an order nobody watched: a new snapshot with get_order_book's levels and a change_id past the last one told before, then changes chained from its change_id (no gap, never back), which applied give get_order_book",
    method: PUB,
    specReferences: [
      channel(3, "book.{instrument_name}.raw"),
      specRef(PUB, "/description", "first gets a `snapshot`"),
      specRef(undefined, "/components/schemas/BookChange/properties/prev_change_id"),
    ],
  }),
  overHttp: defineCheck({
    id: "websocket-only-over-http",
    description:
      "Over HTTP every WebSocket-only method (subscribe, unsubscribe, heartbeat, cancel on disconnect) answers 10030 must_be_websocket_request",
    method: PUB,
    specReferences: [specRef(PUB, "/errors")],
  }),
  heartbeat: defineCheck({
    id: "heartbeat-sent",
    description:
      "set_heartbeat {interval: 10} answers ok and a heartbeat notification follows within the interval (a test_request is answered with public/test); needs --slow",
    method: "public/set_heartbeat",
    specReferences: [specRef("public/set_heartbeat", "/description", "every `interval` seconds")],
  }),
  cancelOnDisconnect: defineCheck({
    id: "cancel-on-disconnect",
    description:
      "With cancel on disconnect enabled (get_cancel_on_disconnect says so), closing the connection cancels the account's open order with cancel_reason cancel_on_disconnect",
    method: "private/enable_cancel_on_disconnect",
    specReferences: [
      specRef("private/enable_cancel_on_disconnect", "/description", "`cancel_on_disconnect`"),
      specRef("private/get_cancel_on_disconnect", "/result"),
    ],
  }),
  cancelOnDisconnectReauth: defineCheck({
    id: "cancel-on-disconnect-reauth",
    description:
      "Cancel on disconnect (scope connection) belongs to the account that enabled it: after public/auth as another account on the same connection, closing it cancels the enabling account's open order and leaves the other account's open",
    method: "private/enable_cancel_on_disconnect",
    specReferences: [
      specRef(
        "private/enable_cancel_on_disconnect",
        "/description",
        "belongs to the account that enabled it",
      ),
    ],
  }),
};
