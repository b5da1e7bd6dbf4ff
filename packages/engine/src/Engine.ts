import type { AccountConfig } from "./Account.js";
import { Accounts } from "./Accounts.js";
import { applyCancel } from "./applyCancel.js";
import { applyClosePosition } from "./applyClosePosition.js";
import { applyPlace } from "./applyPlace.js";
import type { Command } from "./Command.js";
import { IdSequence } from "./IdSequence.js";
import { defaultInstruments, type Instrument, type InstrumentConfig } from "./Instrument.js";
import { loadInstruments } from "./loadInstruments.js";
import type { Direction } from "./Order.js";
import { OrderBook } from "./OrderBook.js";
import { OrderStore } from "./OrderStore.js";
import { newOutcome, type Outcome, resetOutcome } from "./Outcome.js";
import { OutcomePool } from "./OutcomePool.js";
import { type EngineSnapshot, restoreSnapshot, takeSnapshot } from "./snapshot.js";
import { stateHash } from "./stateHash.js";
import { OrderRequest } from "./submitOrder.js";
import { getAccountSummaries, getAccountSummary } from "./wire/accountQueries.js";
import { cancel } from "./wire/cancel.js";
import { closePosition, closePositionJson } from "./wire/closePosition.js";
import { getCurrencies, getInstruments, getOrderBook } from "./wire/marketQueries.js";
import { getOpenOrdersByInstrument, getOrderState } from "./wire/orderQueries.js";
import type { Params } from "./wire/parseParams.js";
import { placeOrder, placeOrderJson } from "./wire/placeOrder.js";
import { getPosition, getPositions } from "./wire/positionQueries.js";

/** Receives every command before it is applied (the reference server journals them). */
export interface Journal {
  append(command: Command): void;
}

/** How to build an engine. */
export interface EngineOptions {
  /** Instruments (default: BTC-PERPETUAL, ETH-PERPETUAL, BTC-25DEC26). */
  instruments?: readonly InstrumentConfig[];
  accounts: readonly AccountConfig[];
  /** The first order id (default "1"). */
  orderIdStart?: string | number;
  /** The first trade id (default "1"). */
  tradeIdStart?: string | number;
  /** Whether outcomes carry events (default true). */
  events?: boolean;
  journal?: Journal;
}

/**
 * The matching engine: instruments, books, accounts with positions, id counters. Deterministic:
 * the same commands give the same state and events. `apply` is the integer core; the other
 * methods are the wire edge the reference server calls.
 */
export class Engine {
  readonly instruments: readonly Instrument[];
  readonly books: readonly OrderBook[];
  readonly accounts: Accounts;
  readonly orders: OrderStore;
  readonly orderIds: IdSequence;
  readonly tradeIds: IdSequence;
  readonly emitEvents: boolean;
  /** Makes the trades and events of the current command (reused with `apply(command, into)`). */
  readonly made: OutcomePool;
  /** The scratch order request the command handlers fill (see {@link OrderRequest}). */
  readonly request = new OrderRequest();
  /**
   * Timestamp of the last applied command, in a typed array: a timestamp (beyond the small
   * integers) stored in an object field is boxed into a fresh heap number on every command. Each
   * command handler sets it first, from its own command shape.
   */
  readonly clock = new Float64Array(1);
  /**
   * The outcome the JSON edge methods apply into (`placeOrderJson`, `closePositionJson`): their
   * result is written before they return, so its pooled trades and events can be reused.
   */
  readonly scratch: Outcome = newOutcome();
  private readonly byName = new Map<string, OrderBook>();
  private lastBookName = "";
  private lastBook: OrderBook | undefined = undefined;
  private readonly journal: Journal | undefined;
  private currencyList: string[] | undefined;

  constructor(options: EngineOptions) {
    const loaded = loadInstruments(options.instruments ?? defaultInstruments);
    if (!loaded.ok) throw new Error(`could not load instruments: ${loaded.errors.join("; ")}`);
    this.instruments = loaded.instruments;
    this.accounts = new Accounts(options.accounts);
    this.orderIds = new IdSequence(String(options.orderIdStart ?? "1"));
    this.tradeIds = new IdSequence(String(options.tradeIdStart ?? "1"));
    this.orders = new OrderStore(this.orderIds, {
      account: (id) => this.accounts.get(id)!,
      book: (index) => this.books[index]!,
    });
    this.books = this.instruments.map((i) => new OrderBook(i, this.orders));
    for (const b of this.books) this.byName.set(b.instrument.name, b);
    this.emitEvents = options.events ?? true;
    this.made = new OutcomePool(this.tradeIds, this.orderIds);
    this.journal = options.journal;
  }

  /** Timestamp of the last applied command. */
  get lastTimestamp(): number {
    return this.clock[0]!;
  }

  set lastTimestamp(timestamp: number) {
    this.clock[0] = timestamp;
  }

  /** Rebuilds an engine from {@link Engine.snapshot} data. */
  static fromSnapshot(
    snapshot: EngineSnapshot,
    options: Pick<EngineOptions, "events" | "journal"> = {},
  ): Engine {
    return restoreSnapshot(snapshot, options);
  }

  /**
   * Applies one validated integer command; never throws for a rejected command. Pass `into` to
   * reuse an outcome object (it is reset first; read it before the next call): its trades and
   * events are then reused objects too, valid until the next call.
   */
  apply(command: Command, into?: Outcome): Outcome {
    if (this.journal !== undefined) this.journal.append(command);
    this.made.begin(into !== undefined);
    const out = into === undefined ? newOutcome() : resetOutcome(into);
    switch (command.type) {
      case "buy":
      case "sell":
        return applyPlace(this, command, out);
      case "cancel":
        return applyCancel(this, command, out);
      case "close_position":
        return applyClosePosition(this, command, out);
    }
  }

  /** The book of an instrument, by name. */
  book(name: string): OrderBook | undefined {
    // Commands mostly name the instrument of the one before: a string compare, not a hash lookup.
    if (name === this.lastBookName) return this.lastBook;
    const book = this.byName.get(name);
    if (book !== undefined) {
      this.lastBookName = name;
      this.lastBook = book;
    }
    return book;
  }

  /** Every base and settlement currency of the instruments, in order of first appearance. */
  currencies(): string[] {
    if (this.currencyList === undefined) {
      const s = new Set<string>();
      for (const i of this.instruments)
        s.add(i.config.base_currency).add(i.config.settlement_currency);
      this.currencyList = [...s];
    }
    return this.currencyList;
  }

  /** Plain JSON-serialisable state: configs, counters, every order, positions. */
  snapshot(): EngineSnapshot {
    return takeSnapshot(this);
  }

  /** sha256 (hex) over the canonical snapshot. */
  stateHash(): string {
    return stateHash(this.snapshot());
  }

  /** private/buy or private/sell with wire params. */
  placeOrder(account: number, direction: Direction, params: Params, timestamp: number) {
    return placeOrder(this, account, direction, params, timestamp);
  }

  /** {@link Engine.placeOrder} answering the result as JSON text (the server's hot path). */
  placeOrderJson(account: number, direction: Direction, params: Params, timestamp: number) {
    return placeOrderJson(this, account, direction, params, timestamp);
  }

  /** private/cancel with wire params. */
  cancel(account: number, params: Params, timestamp: number) {
    return cancel(this, account, params, timestamp);
  }

  /** private/close_position with wire params. */
  closePosition(account: number, params: Params, timestamp: number) {
    return closePosition(this, account, params, timestamp);
  }

  /** {@link Engine.closePosition} answering the result as JSON text (the server's hot path). */
  closePositionJson(account: number, params: Params, timestamp: number) {
    return closePositionJson(this, account, params, timestamp);
  }

  /** private/get_order_state. */
  getOrderState(account: number, params: Params) {
    return getOrderState(this, account, params);
  }

  /** private/get_open_orders_by_instrument. */
  getOpenOrdersByInstrument(account: number, params: Params) {
    return getOpenOrdersByInstrument(this, account, params);
  }

  /** private/get_position. */
  getPosition(account: number, params: Params) {
    return getPosition(this, account, params);
  }

  /** private/get_positions. */
  getPositions(account: number, params: Params = {}) {
    return getPositions(this, account, params);
  }

  /** public/get_order_book (timestamp defaults to the last command's). */
  getOrderBook(params: Params, timestamp = this.lastTimestamp) {
    return getOrderBook(this, params, timestamp);
  }

  /** public/get_instruments. */
  getInstruments(params: Params = {}) {
    return getInstruments(this, params);
  }

  /** public/get_currencies. */
  getCurrencies() {
    return getCurrencies(this);
  }

  /** private/get_account_summary. */
  getAccountSummary(account: number, params: Params) {
    return getAccountSummary(this, account, params);
  }

  /** private/get_account_summaries. */
  getAccountSummaries(account: number) {
    return getAccountSummaries(this, account);
  }
}
