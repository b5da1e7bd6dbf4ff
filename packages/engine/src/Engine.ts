import type { AccountConfig } from "./Account.js";
import { Accounts } from "./Accounts.js";
import { applyCancel } from "./applyCancel.js";
import { applyCancelAll } from "./applyCancelAll.js";
import { applyClosePosition } from "./applyClosePosition.js";
import { applyPlace } from "./applyPlace.js";
import type { Command } from "./Command.js";
import type { EngineSnapshot } from "./EngineSnapshot.js";
import type { EngineState } from "./EngineState.js";
import { IdSequence } from "./IdSequence.js";
import { defaultInstruments, type Instrument, type InstrumentConfig } from "./Instrument.js";
import { loadInstruments } from "./loadInstruments.js";
import { OrderBook } from "./OrderBook.js";
import { OrderRequest } from "./OrderRequest.js";
import { OrderStore } from "./OrderStore.js";
import { newOutcome, type Outcome, resetOutcome } from "./Outcome.js";
import { OutcomePool } from "./OutcomePool.js";
import { restoreSnapshot, takeSnapshot } from "./snapshot.js";
import { stateHash } from "./stateHash.js";

/** Receives every command before it is applied (the reference server journals them). */
export interface Journal {
  append(command: Command): void;
}

/**
 * Sees every command the engine applies, right after it is applied, with its outcome (events in
 * engine order when the engine emits them): the reference server turns them into notifications.
 * The outcome and its events are reused by the next command: read them before returning.
 */
export type ApplyObserver = (command: Command, outcome: Outcome) => void;

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
 * the same commands give the same state and events. `apply` is the integer core; the wire edge the
 * reference server calls is the functions of `wire/` (`placeOrder(engine, ...)`, ...), which take
 * the engine. It owns the {@link EngineState} the command handlers work on.
 */
export class Engine implements EngineState {
  readonly instruments: readonly Instrument[];
  readonly books: readonly OrderBook[];
  readonly accounts: Accounts;
  readonly orders: OrderStore;
  readonly orderIds: IdSequence;
  readonly tradeIds: IdSequence;
  /**
   * Whether outcomes carry events; may be switched between commands (the reference server turns
   * them on for its notifications).
   */
  emitEvents: boolean;
  /** Called after every applied command (not during construction or a snapshot restore). */
  observer: ApplyObserver | undefined = undefined;
  /**
   * Called before the next command is applied, before anything of it (its journal append, the
   * reset of a reused outcome): an observer that kept the last outcome reads it there, while the
   * state is still the one right after that command.
   */
  beforeApply: (() => void) | undefined = undefined;
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
    return restoreSnapshot(snapshot, (config) => new Engine({ ...options, ...config }));
  }

  /**
   * Applies one validated integer command; never throws for a rejected command. Pass `into` to
   * reuse an outcome object (it is reset first; read it before the next call): its trades and
   * events are then reused objects too, valid until the next call.
   */
  apply(command: Command, into?: Outcome): Outcome {
    const before = this.beforeApply;
    if (before !== undefined) before();
    if (this.journal !== undefined) this.journal.append(command);
    this.made.begin(into !== undefined);
    const out = into === undefined ? newOutcome() : resetOutcome(into);
    switch (command.type) {
      case "buy":
      case "sell":
        applyPlace(this, command, out);
        break;
      case "cancel":
        applyCancel(this, command, out);
        break;
      case "cancel_all":
        applyCancelAll(this, command, out);
        break;
      case "close_position":
        applyClosePosition(this, command, out);
        break;
    }
    const observer = this.observer;
    if (observer !== undefined) observer(command, out);
    return out;
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
}
