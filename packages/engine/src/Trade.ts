import type { IdSequence } from "./IdSequence.js";
import type { Direction } from "./OrderVocabulary.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A trade between a taker and a resting maker: price in ticks, amount in lots. Ids are kept as
 * sequence numbers and turned into strings only when read (and in `toJSON`), so matching does
 * not format three strings per fill.
 */
export class Trade {
  constructor(
    private readonly tradeIds: IdSequence,
    private readonly orderIds: IdSequence,
    /** Position in the trade id sequence, from 1. */
    readonly number: number,
    /** trade_seq: per instrument, from 1. */
    readonly seq: number,
    readonly instrument: string,
    readonly price: number,
    readonly amount: number,
    readonly timestamp: number,
    readonly tickDirection: number,
    readonly takerSeq: number,
    readonly takerAccount: number,
    /** The taker's direction (the maker's is the opposite). */
    readonly direction: Direction,
    /** The taker order's state right after this trade. */
    readonly takerState: "open" | "filled",
    readonly makerSeq: number,
    readonly makerAccount: number,
    readonly makerState: "open" | "filled",
  ) {}

  /**
   * Refills a pooled trade (the engine reuses trade objects when the caller reuses its outcome
   * with `apply(command, into)`). Same parameters as the constructor, after the id sequences.
   */
  set(
    number: number,
    seq: number,
    instrument: string,
    price: number,
    amount: number,
    timestamp: number,
    tickDirection: number,
    takerSeq: number,
    takerAccount: number,
    direction: Direction,
    takerState: "open" | "filled",
    makerSeq: number,
    makerAccount: number,
    makerState: "open" | "filled",
  ): this {
    const t = this as Mutable<Trade>;
    t.number = number;
    t.seq = seq;
    t.instrument = instrument;
    t.price = price;
    t.amount = amount;
    t.timestamp = timestamp;
    t.tickDirection = tickDirection;
    t.takerSeq = takerSeq;
    t.takerAccount = takerAccount;
    t.direction = direction;
    t.takerState = takerState;
    t.makerSeq = makerSeq;
    t.makerAccount = makerAccount;
    t.makerState = makerState;
    return this;
  }

  /** The trade id (decimal digits). */
  get id(): string {
    return this.tradeIds.format(this.number);
  }

  /** The taker order's id. */
  get takerOrderId(): string {
    return this.orderIds.format(this.takerSeq);
  }

  /** The maker order's id. */
  get makerOrderId(): string {
    return this.orderIds.format(this.makerSeq);
  }

  /** The trade as plain data with string ids (what the event log records). */
  toJSON() {
    return {
      id: this.id,
      seq: this.seq,
      instrument: this.instrument,
      price: this.price,
      amount: this.amount,
      timestamp: this.timestamp,
      tickDirection: this.tickDirection,
      takerOrderId: this.takerOrderId,
      takerAccount: this.takerAccount,
      direction: this.direction,
      takerState: this.takerState,
      makerOrderId: this.makerOrderId,
      makerAccount: this.makerAccount,
      makerState: this.makerState,
    };
  }
}
