import type { Engine } from "../Engine.js";
import type { Order } from "../Order.js";
import { Meta } from "../OrderMeta.js";
import type { Outcome } from "../Outcome.js";
import type { Trade } from "../Trade.js";
import { formatAmount, formatPrice, formatPriceRatio } from "./format.js";

// Ids, decimals, enums and numbers the engine makes never need escaping; strings from outside
// (labels, instrument names, currencies) go through JSON.stringify. Members come in the order
// toWireOrder and toWireTrade create them, which is the order JSON.stringify follows.

const q = (s: string) => '"' + s + '"';
const b = (v: boolean) => (v ? "true" : "false");

/**
 * A string's JSON, keeping the last one: a result repeats its instrument name and its currency,
 * which come from outside (the instruments file) and so go through JSON.stringify.
 */
function lastJson(): (s: string) => string {
  let last = "";
  let lastText = '""';
  return (s) => {
    if (s !== last) {
      lastText = JSON.stringify(s);
      last = s;
    }
    return lastText;
  };
}

const nameJson = lastJson();
const currencyJson = lastJson();

const labelJson = (s: string) => (s === "" ? '""' : JSON.stringify(s));

let lastTime = -1;
let lastTimeText = "";
/**
 * A timestamp (ms) as JSON. A timestamp is a heap number, whose generic conversion to text is slow;
 * a result repeats the command's timestamp, so the last one is kept, and a new one is printed as
 * two small integers (exact for any non-negative safe integer).
 */
function timeJson(ms: number): string {
  if (ms !== lastTime) {
    const high = Math.floor(ms / 1e6);
    if (high > 0 && Number.isSafeInteger(ms)) {
      const low = "" + (ms - high * 1e6);
      lastTimeText = "" + high + "000000".slice(low.length) + low;
    } else {
      lastTimeText = "" + ms;
    }
    lastTime = ms;
  }
  return lastTimeText;
}

/** The constant runs of an order's JSON for one meta shape (state, kind, flags, reason). */
interface OrderRuns {
  /** From after the instrument name to the opening quote of the price. */
  readonly head: string;
  /** From after the label to `creation_timestamp`'s colon. */
  readonly flags: string;
  /** From after `last_update_timestamp` to the opening quote of `max_show`. */
  readonly tail: string;
  /** From the closing quote of `contracts` to the end (with `cancel_reason` when cancelled). */
  readonly end: string;
}

const orderRuns: (OrderRuns | undefined)[] = [];

function runsOf(order: Order, shape: number): OrderRuns {
  let runs = orderRuns[shape];
  if (runs === undefined) {
    const reason = order.cancelReason;
    runs = {
      head:
        ',"direction":' +
        q(order.direction) +
        ',"order_type":' +
        q(order.orderType) +
        ',"order_state":' +
        q(order.state) +
        ',"time_in_force":' +
        q(order.timeInForce) +
        ',"price":"',
      flags:
        ',"post_only":' +
        b(order.postOnly) +
        ',"reject_post_only":' +
        b(order.rejectPostOnly) +
        ',"reduce_only":' +
        b(order.reduceOnly) +
        ',"creation_timestamp":',
      tail:
        ',"api":true,"web":false,"replaced":' +
        b(order.replaced) +
        ',"is_liquidation":false,"max_show":"',
      end:
        order.state === "cancelled" && reason !== null
          ? '","cancel_reason":' + q(reason) + "}"
          : '"}',
    };
    orderRuns[shape] = runs;
  }
  return runs;
}

/** The JSON of `toWireOrder(order)`, without the object in between. */
export function orderJson(order: Order): string {
  const store = order.store;
  const seq = order.seq;
  const runs = runsOf(order, Meta.shape(store.meta(seq)));
  const instrument = order.book.instrument;
  const lots = store.amount(seq);
  const filled = store.filled(seq);
  const average = filled === 0 ? "0" : formatPriceRatio(instrument, store.cost(seq), filled);
  const amount = formatAmount(instrument, lots);
  const price = order.orderType === "market" ? average : formatPrice(instrument, store.price(seq));
  return (
    '{"order_id":"' +
    order.id +
    '","instrument_name":' +
    nameJson(instrument.name) +
    runs.head +
    price +
    '","amount":"' +
    amount +
    '","filled_amount":"' +
    formatAmount(instrument, filled) +
    '","average_price":"' +
    average +
    '","label":' +
    labelJson(store.label(seq)) +
    runs.flags +
    timeJson(store.creationTimestamp(seq)) +
    ',"last_update_timestamp":' +
    timeJson(store.lastUpdateTimestamp(seq)) +
    runs.tail +
    amount +
    '","contracts":"' +
    lots +
    runs.end
  );
}

/** Constant runs of a taker trade's JSON, by state, order type, reduce_only and post_only. */
const tradeRuns = new Map<string, string>();

/** The JSON of `toWireTrade(engine, trade)` (as the taker sees it). */
export function takerTradeJson(engine: Engine, trade: Trade): string {
  const order = engine.orders.bySeq(trade.takerSeq)!;
  const instrument = order.book.instrument;
  const price = formatPrice(instrument, trade.price);
  const orderType = order.orderType;
  const reduceOnly = order.reduceOnly;
  const postOnly = order.postOnly;
  const key =
    trade.takerState +
    (orderType === "market" ? "m" : "l") +
    (reduceOnly ? 1 : 0) +
    (postOnly ? 1 : 0);
  let middle = tradeRuns.get(key);
  if (middle === undefined) {
    middle =
      ',"state":' +
      q(trade.takerState) +
      ',"liquidity":"T","order_type":' +
      q(orderType) +
      ',"reduce_only":' +
      b(reduceOnly) +
      ',"post_only":' +
      b(postOnly) +
      ',"label":';
    tradeRuns.set(key, middle);
  }
  return (
    '{"trade_id":"' +
    trade.id +
    '","trade_seq":' +
    trade.seq +
    ',"order_id":"' +
    order.id +
    '","instrument_name":' +
    nameJson(instrument.name) +
    (trade.direction === "buy" ? ',"direction":"buy","price":"' : ',"direction":"sell","price":"') +
    price +
    '","amount":"' +
    formatAmount(instrument, trade.amount) +
    '","timestamp":' +
    timeJson(trade.timestamp) +
    middle +
    labelJson(order.label) +
    ',"fee":"0","fee_currency":' +
    currencyJson(instrument.config.settlement_currency) +
    ',"index_price":"' +
    price +
    '","mark_price":"' +
    price +
    '","tick_direction":' +
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
