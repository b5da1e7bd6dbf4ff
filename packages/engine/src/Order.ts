import type { Account } from "./Account.js";
import type { IdSequence } from "./IdSequence.js";
import type { Int } from "./Int.js";
import type { OrderBook } from "./OrderBook.js";
import type { PriceLevel } from "./PriceLevel.js";

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
  | "fill_or_kill";

/**
 * An order, live: prices in ticks, amounts in lots. It is also the node of its price level's
 * doubly linked queue (`prev`/`next`), so cancelling from the middle is O(1). Order objects are
 * pooled: once an order is closed its data moves to the history and the object is re-initialised
 * for a later order, so the engine allocates no order object per command in steady state.
 */
export class Order {
  prev: Order | null = null;
  next: Order | null = null;
  level: PriceLevel | null = null;
  /** Position in the order id sequence, from 1: also time priority. */
  seq = 0;
  account: Account = null!;
  book: OrderBook = null!;
  direction: Direction = "buy";
  /** Limit price in ticks; 0 for a market order. */
  price = 0;
  /** Order size in lots (cut by the reduce-only rule). */
  amount = 0;
  /** Filled lots. */
  filled = 0;
  /** Sum of price x lots over fills, for the average fill price. */
  cost: Int = 0;
  orderType: OrderType = "limit";
  timeInForce: TimeInForce = "good_til_cancelled";
  postOnly = false;
  rejectPostOnly = false;
  reduceOnly = false;
  label = "";
  creationTimestamp = 0;
  lastUpdateTimestamp = 0;
  replaced = false;
  state: OrderState = "open";
  cancelReason: CancelReason | null = null;
  private idText: string | null = null;

  /** `ids` is the engine's order id sequence: the id string is made from `seq` when first asked for. */
  constructor(readonly ids: IdSequence) {}

  /** (Re)initialises the order as a new open, unfilled order. */
  init(
    seq: number,
    account: Account,
    book: OrderBook,
    direction: Direction,
    price: number,
    amount: number,
    orderType: OrderType,
    timeInForce: TimeInForce,
    postOnly: boolean,
    rejectPostOnly: boolean,
    reduceOnly: boolean,
    label: string,
    timestamp: number,
    replaced: boolean,
  ): this {
    this.prev = null;
    this.next = null;
    this.level = null;
    this.seq = seq;
    this.account = account;
    this.book = book;
    this.direction = direction;
    this.price = price;
    this.amount = amount;
    this.filled = 0;
    this.cost = 0;
    this.orderType = orderType;
    this.timeInForce = timeInForce;
    this.postOnly = postOnly;
    this.rejectPostOnly = rejectPostOnly;
    this.reduceOnly = reduceOnly;
    this.label = label;
    this.creationTimestamp = timestamp;
    this.lastUpdateTimestamp = timestamp;
    this.replaced = replaced;
    this.state = "open";
    this.cancelReason = null;
    this.idText = null;
    return this;
  }

  /** The order id: a decimal-digit string. */
  get id(): string {
    if (this.idText === null) this.idText = this.ids.format(this.seq);
    return this.idText;
  }

  /** Lots still open. */
  get open(): number {
    return this.amount - this.filled;
  }
}
