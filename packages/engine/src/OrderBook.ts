import type { Instrument } from "./Instrument.js";
import type { OpenOrders } from "./OpenOrders.js";
import type { Direction } from "./OrderVocabulary.js";
import { Side } from "./Side.js";

/** The book of one instrument: bids and asks, plus the last trade's price and sequence. */
export class OrderBook {
  readonly bids: Side;
  readonly asks: Side;
  /** Price in ticks of the last trade; 0 before the first. */
  lastPrice = 0;
  /** Trades made so far (trade_seq of the last one). */
  tradeSeq = 0;
  /** tick_direction of the last trade (0 plus, 1 zero-plus, 2 minus, 3 zero-minus). */
  tickDirection = 0;

  constructor(
    readonly instrument: Instrument,
    store: OpenOrders,
  ) {
    this.bids = new Side("buy", store);
    this.asks = new Side("sell", store);
  }

  /** The book's change_id: grows with every change to either side. */
  get changeId(): number {
    return this.bids.version + this.asks.version;
  }

  /** The side an order of `direction` rests on. */
  own(direction: Direction): Side {
    return direction === "buy" ? this.bids : this.asks;
  }

  /** The side an order of `direction` trades against. */
  opposite(direction: Direction): Side {
    return direction === "buy" ? this.asks : this.bids;
  }

  /** Records a trade at `price` and returns its tick_direction. */
  recordTrade(price: number): number {
    const last = this.lastPrice;
    let dir: number;
    if (last === 0 || price > last) dir = 0;
    else if (price < last) dir = 2;
    else dir = this.tickDirection === 0 || this.tickDirection === 1 ? 1 : 3;
    this.lastPrice = price;
    this.tradeSeq++;
    this.tickDirection = dir;
    return dir;
  }

  /** Whether the best bid is at or above the best ask (never true at rest). */
  isCrossed(): boolean {
    const b = this.bids.best();
    const a = this.asks.best();
    return b !== undefined && a !== undefined && b.price >= a.price;
  }
}
