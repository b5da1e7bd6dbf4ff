import type { IdSequence } from "./IdSequence.js";
import type { CancelReason, Direction } from "./OrderVocabulary.js";

// The events about one order keep its sequence number and make the id string only when it is read
// (and in `toJSON`, which prints the same members in the same order as a plain event object), so
// the engine formats no id per event. Their fields are refilled when the pool reuses them.

/** An `order_placed` event. */
export class OrderPlacedEvent {
  readonly type = "order_placed" as const;
  constructor(
    private readonly ids: IdSequence,
    public orderSeq: number,
    public account: number,
    public instrument: string,
    public direction: Direction,
    public price: number,
    public amount: number,
    public replaced: boolean,
  ) {}

  get orderId(): string {
    return this.ids.format(this.orderSeq);
  }

  toJSON() {
    const { type, orderId, account, instrument, direction, price, amount, replaced } = this;
    return { type, orderId, account, instrument, direction, price, amount, replaced };
  }
}

/** An `order_cancelled` event; `open` is the lots that were still open. */
export class OrderCancelledEvent {
  readonly type = "order_cancelled" as const;
  constructor(
    private readonly ids: IdSequence,
    public orderSeq: number,
    public account: number,
    public reason: CancelReason,
    public open: number,
  ) {}

  get orderId(): string {
    return this.ids.format(this.orderSeq);
  }

  toJSON() {
    const { type, orderId, account, reason, open } = this;
    return { type, orderId, account, reason, open };
  }
}

/** An `order_reduced` event; `amount` is the new order size in lots. */
export class OrderReducedEvent {
  readonly type = "order_reduced" as const;
  constructor(
    private readonly ids: IdSequence,
    public orderSeq: number,
    public account: number,
    public amount: number,
  ) {}

  get orderId(): string {
    return this.ids.format(this.orderSeq);
  }

  toJSON() {
    const { type, orderId, account, amount } = this;
    return { type, orderId, account, amount };
  }
}
