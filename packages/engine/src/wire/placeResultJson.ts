import type { Engine } from "../Engine.js";
import type { Order } from "../Order.js";
import type { Outcome } from "../Outcome.js";
import type { Trade } from "../Trade.js";
import { formatAmount, formatPrice, formatPriceRatio } from "./format.js";

// Ids, decimals, enums and numbers the engine makes never need escaping; strings from outside
// (labels, instrument names, currencies) go through JSON.stringify. Members come in the order
// toWireOrder and toWireTrade create them, which is the order JSON.stringify follows.

const q = (s: string) => '"' + s + '"';
const b = (v: boolean) => (v ? "true" : "false");

let lastName = "";
let lastNameJson = '""';
/** An instrument name as JSON (the last one is kept: a result repeats it). */
function nameJson(s: string): string {
  if (s !== lastName) {
    lastNameJson = JSON.stringify(s);
    lastName = s;
  }
  return lastNameJson;
}

let lastCurrency = "";
let lastCurrencyJson = '""';
function currencyJson(s: string): string {
  if (s !== lastCurrency) {
    lastCurrencyJson = JSON.stringify(s);
    lastCurrency = s;
  }
  return lastCurrencyJson;
}

const labelJson = (s: string) => (s === "" ? '""' : JSON.stringify(s));

/** The JSON of `toWireOrder(order)`, without the object in between. */
export function orderJson(order: Order): string {
  const instrument = order.book.instrument;
  const amountLots = order.amount;
  const filled = order.filled;
  const average = filled === 0 ? "0" : formatPriceRatio(instrument, order.cost, filled);
  const amount = formatAmount(instrument, amountLots);
  const orderType = order.orderType;
  const state = order.state;
  const reason = order.cancelReason;
  return (
    '{"order_id":"' +
    order.id +
    '","instrument_name":' +
    nameJson(instrument.name) +
    ',"direction":' +
    q(order.direction) +
    ',"order_type":' +
    q(orderType) +
    ',"order_state":' +
    q(state) +
    ',"time_in_force":' +
    q(order.timeInForce) +
    ',"price":' +
    q(orderType === "market" ? average : formatPrice(instrument, order.price)) +
    ',"amount":' +
    q(amount) +
    ',"filled_amount":' +
    q(formatAmount(instrument, filled)) +
    ',"average_price":' +
    q(average) +
    ',"label":' +
    labelJson(order.label) +
    ',"post_only":' +
    b(order.postOnly) +
    ',"reject_post_only":' +
    b(order.rejectPostOnly) +
    ',"reduce_only":' +
    b(order.reduceOnly) +
    ',"creation_timestamp":' +
    order.creationTimestamp +
    ',"last_update_timestamp":' +
    order.lastUpdateTimestamp +
    ',"api":true,"web":false,"replaced":' +
    b(order.replaced) +
    ',"is_liquidation":false,"max_show":' +
    q(amount) +
    ',"contracts":"' +
    amountLots +
    (state === "cancelled" && reason !== null ? '","cancel_reason":' + q(reason) + "}" : '"}')
  );
}

/** The JSON of `toWireTrade(engine, trade)` (as the taker sees it). */
export function takerTradeJson(engine: Engine, trade: Trade): string {
  const order = engine.orders.bySeq(trade.takerSeq)!;
  const instrument = order.book.instrument;
  const price = q(formatPrice(instrument, trade.price));
  return (
    '{"trade_id":"' +
    trade.id +
    '","trade_seq":' +
    trade.seq +
    ',"order_id":"' +
    order.id +
    '","instrument_name":' +
    nameJson(instrument.name) +
    ',"direction":' +
    q(trade.direction) +
    ',"price":' +
    price +
    ',"amount":' +
    q(formatAmount(instrument, trade.amount)) +
    ',"timestamp":' +
    trade.timestamp +
    ',"state":' +
    q(trade.takerState) +
    ',"liquidity":"T","order_type":' +
    q(order.orderType) +
    ',"reduce_only":' +
    b(order.reduceOnly) +
    ',"post_only":' +
    b(order.postOnly) +
    ',"label":' +
    labelJson(order.label) +
    ',"fee":"0","fee_currency":' +
    currencyJson(instrument.config.settlement_currency) +
    ',"index_price":' +
    price +
    ',"mark_price":' +
    price +
    ',"tick_direction":' +
    trade.tickDirection +
    ',"matching_id":null}'
  );
}

/**
 * The JSON text of a successful buy, sell or close_position outcome: byte for byte
 * `JSON.stringify(toPlaceResult(engine, out).result)`, written from the order and the trades
 * directly instead of through the wire objects (about a third of the time).
 */
export function placeResultJson(engine: Engine, out: Outcome): string {
  const trades = out.trades;
  let json = '{"order":' + orderJson(out.order!) + ',"trades":[';
  for (let i = 0; i < trades.length; i++) {
    json += (i === 0 ? "" : ",") + takerTradeJson(engine, trades[i]!);
  }
  return json + "]}";
}
