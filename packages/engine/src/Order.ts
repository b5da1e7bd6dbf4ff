import type { Account } from "./Account.js";
import type { Int } from "./Int.js";
import type { OrderBook } from "./OrderBook.js";
import { Meta } from "./OrderMeta.js";
import type { OrderStore } from "./OrderStore.js";
import type {
  CancelReason,
  Direction,
  OrderState,
  OrderType,
  TimeInForce,
} from "./OrderVocabulary.js";

/**
 * A view of one order of the {@link OrderStore}: prices in ticks, amounts in lots. The store holds
 * every order as a record of numbers indexed by `seq`; a view reads it when asked, so it always
 * shows the order's current state (two views of one order are equal by `seq`, not identity).
 */
export class Order {
  constructor(
    readonly store: OrderStore,
    /** Position in the order id sequence, from 1: also time priority. */
    readonly seq: number,
  ) {}

  private get meta(): number {
    return this.store.meta(this.seq);
  }

  /** The order id: a decimal-digit string. */
  get id(): string {
    return this.store.ids.format(this.seq);
  }

  get account(): Account {
    return this.store.resolver.account(this.store.accountId(this.seq));
  }

  get book(): OrderBook {
    return this.store.resolver.book(Meta.instrument(this.meta));
  }

  get direction(): Direction {
    return Meta.direction(this.meta);
  }

  /** Limit price in ticks; 0 for a market order. */
  get price(): number {
    return this.store.price(this.seq);
  }

  /** Order size in lots (cut by the reduce-only rule). */
  get amount(): number {
    return this.store.amount(this.seq);
  }

  /** Filled lots. */
  get filled(): number {
    return this.store.filled(this.seq);
  }

  /** Lots still open. */
  get open(): number {
    return this.store.open(this.seq);
  }

  /** Sum of price x lots over fills, for the average fill price. */
  get cost(): Int {
    return this.store.cost(this.seq);
  }

  get orderType(): OrderType {
    return Meta.orderType(this.meta);
  }

  get timeInForce(): TimeInForce {
    return Meta.timeInForce(this.meta);
  }

  get postOnly(): boolean {
    return Meta.postOnly(this.meta);
  }

  get rejectPostOnly(): boolean {
    return Meta.rejectPostOnly(this.meta);
  }

  get reduceOnly(): boolean {
    return Meta.reduceOnly(this.meta);
  }

  get replaced(): boolean {
    return Meta.replaced(this.meta);
  }

  get label(): string {
    return this.store.label(this.seq);
  }

  get creationTimestamp(): number {
    return this.store.creationTimestamp(this.seq);
  }

  get lastUpdateTimestamp(): number {
    return this.store.lastUpdateTimestamp(this.seq);
  }

  get state(): OrderState {
    return Meta.state(this.meta);
  }

  get cancelReason(): CancelReason | null {
    return Meta.cancelReason(this.meta);
  }
}
