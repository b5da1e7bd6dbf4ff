import type { EngineEvent } from "./EngineEvent.js";
import type { IdSequence } from "./IdSequence.js";
import { OrderCancelledEvent, OrderPlacedEvent, OrderReducedEvent } from "./OrderEvents.js";
import type { CancelReason, Direction } from "./OrderVocabulary.js";
import { Trade } from "./Trade.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Traded = Mutable<Extract<EngineEvent, { type: "trade" }>>;
type Moved = Mutable<Extract<EngineEvent, { type: "position_changed" }>>;

/**
 * Makes the trades and events of one command. When the caller reuses its outcome
 * (`apply(command, into)`), the objects of the previous command are reused too, so steady-state
 * matching allocates nothing; otherwise every object is fresh (and may be kept).
 */
export class OutcomePool {
  private reuse = false;
  private readonly trades: Trade[] = [];
  private readonly placed: OrderPlacedEvent[] = [];
  private readonly traded: Traded[] = [];
  private readonly cancelled: OrderCancelledEvent[] = [];
  private readonly reduced: OrderReducedEvent[] = [];
  private readonly moved: Moved[] = [];
  private nTrades = 0;
  private nPlaced = 0;
  private nTraded = 0;
  private nCancelled = 0;
  private nReduced = 0;
  private nMoved = 0;

  constructor(
    private readonly tradeIds: IdSequence,
    private readonly orderIds: IdSequence,
  ) {}

  /** Starts a command: reuse the objects handed out so far when `reuse`, else make fresh ones. */
  begin(reuse: boolean): void {
    this.reuse = reuse;
    this.nTrades = 0;
    this.nPlaced = 0;
    this.nTraded = 0;
    this.nCancelled = 0;
    this.nReduced = 0;
    this.nMoved = 0;
  }

  /** A trade (see the {@link Trade} constructor). */
  trade(
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
  ): Trade {
    if (this.reuse && this.nTrades < this.trades.length) {
      return this.trades[this.nTrades++]!.set(
        number,
        seq,
        instrument,
        price,
        amount,
        timestamp,
        tickDirection,
        takerSeq,
        takerAccount,
        direction,
        takerState,
        makerSeq,
        makerAccount,
        makerState,
      );
    }
    const t = new Trade(
      this.tradeIds,
      this.orderIds,
      number,
      seq,
      instrument,
      price,
      amount,
      timestamp,
      tickDirection,
      takerSeq,
      takerAccount,
      direction,
      takerState,
      makerSeq,
      makerAccount,
      makerState,
    );
    if (this.reuse) this.trades[this.nTrades++] = t;
    return t;
  }

  /** An order_placed event (the id is made from `orderSeq` when read). */
  orderPlaced(
    orderSeq: number,
    account: number,
    instrument: string,
    direction: Direction,
    price: number,
    amount: number,
    replaced: boolean,
  ): EngineEvent {
    if (this.reuse && this.nPlaced < this.placed.length) {
      const e = this.placed[this.nPlaced++]!;
      e.orderSeq = orderSeq;
      e.account = account;
      e.instrument = instrument;
      e.direction = direction;
      e.price = price;
      e.amount = amount;
      e.replaced = replaced;
      return e;
    }
    const e = new OrderPlacedEvent(
      this.orderIds,
      orderSeq,
      account,
      instrument,
      direction,
      price,
      amount,
      replaced,
    );
    if (this.reuse) this.placed[this.nPlaced++] = e;
    return e;
  }

  /** A trade event. */
  tradeEvent(trade: Trade): EngineEvent {
    if (this.reuse && this.nTraded < this.traded.length) {
      const e = this.traded[this.nTraded++]!;
      e.trade = trade;
      return e;
    }
    const e: Traded = { type: "trade", trade };
    if (this.reuse) this.traded[this.nTraded++] = e;
    return e;
  }

  /** An order_cancelled event (the id is made from `orderSeq` when read). */
  orderCancelled(
    orderSeq: number,
    account: number,
    reason: CancelReason,
    open: number,
  ): EngineEvent {
    if (this.reuse && this.nCancelled < this.cancelled.length) {
      const e = this.cancelled[this.nCancelled++]!;
      e.orderSeq = orderSeq;
      e.account = account;
      e.reason = reason;
      e.open = open;
      return e;
    }
    const e = new OrderCancelledEvent(this.orderIds, orderSeq, account, reason, open);
    if (this.reuse) this.cancelled[this.nCancelled++] = e;
    return e;
  }

  /** An order_reduced event (the id is made from `orderSeq` when read). */
  orderReduced(orderSeq: number, account: number, amount: number): EngineEvent {
    if (this.reuse && this.nReduced < this.reduced.length) {
      const e = this.reduced[this.nReduced++]!;
      e.orderSeq = orderSeq;
      e.account = account;
      e.amount = amount;
      return e;
    }
    const e = new OrderReducedEvent(this.orderIds, orderSeq, account, amount);
    if (this.reuse) this.reduced[this.nReduced++] = e;
    return e;
  }

  /** A position_changed event. */
  positionChanged(account: number, instrument: string, size: number): EngineEvent {
    if (this.reuse && this.nMoved < this.moved.length) {
      const e = this.moved[this.nMoved++]!;
      e.account = account;
      e.instrument = instrument;
      e.size = size;
      return e;
    }
    const e: Moved = { type: "position_changed", account, instrument, size };
    if (this.reuse) this.moved[this.nMoved++] = e;
    return e;
  }
}
