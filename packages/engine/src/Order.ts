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
 * doubly linked queue (`prev`/`next`), so cancelling from the middle is O(1).
 */
export class Order {
  prev: Order | null = null;
  next: Order | null = null;
  level: PriceLevel | null = null;
  /** Filled lots. */
  filled = 0;
  /** Sum of price x lots over fills, for the average fill price. */
  cost: Int = 0;
  state: OrderState = "open";
  cancelReason: CancelReason | null = null;
  private idText: string | null = null;

  constructor(
    /** The engine's order id sequence: the id string is made from `seq` when first asked for. */
    readonly ids: IdSequence,
    /** Position in the order id sequence, from 1: also time priority. */
    readonly seq: number,
    readonly account: Account,
    readonly book: OrderBook,
    readonly direction: Direction,
    /** Limit price in ticks; 0 for a market order. */
    public price: number,
    /** Order size in lots (cut by the reduce-only rule). */
    public amount: number,
    readonly orderType: OrderType,
    readonly timeInForce: TimeInForce,
    readonly postOnly: boolean,
    readonly rejectPostOnly: boolean,
    readonly reduceOnly: boolean,
    readonly label: string,
    readonly creationTimestamp: number,
    public lastUpdateTimestamp: number,
    public replaced: boolean,
  ) {}

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
