import type { AccountConfig } from "./Account.js";
import { Engine, type EngineOptions } from "./Engine.js";
import type { InstrumentConfig } from "./Instrument.js";
import { type Int, norm } from "./Int.js";
import type {
  CancelReason,
  Direction,
  Order,
  OrderState,
  OrderType,
  TimeInForce,
} from "./Order.js";
import type { HistorySnapshot } from "./OrderStore.js";

/** One order in a snapshot (prices in ticks, amounts in lots; `cost` as a decimal-digit string). */
export interface OrderSnapshot {
  id: string;
  seq: number;
  account: number;
  instrument: string;
  direction: Direction;
  price: number;
  amount: number;
  filled: number;
  cost: string;
  orderType: OrderType;
  timeInForce: TimeInForce;
  postOnly: boolean;
  rejectPostOnly: boolean;
  reduceOnly: boolean;
  label: string;
  creationTimestamp: number;
  lastUpdateTimestamp: number;
  replaced: boolean;
  state: OrderState;
  cancelReason: CancelReason | null;
}

/** A non-flat (or PnL-carrying) position in a snapshot. */
export interface PositionSnapshot {
  account: number;
  instrument: string;
  size: number;
  average: [string, string];
  realized: string;
}

/**
 * The engine's whole state as plain JSON data, in a canonical order. Version 2 lists the open
 * orders as objects and the closed ones compactly in `history`; version 1 (still restored) listed
 * every order as an object.
 */
export interface EngineSnapshot {
  version: 1 | 2;
  instruments: InstrumentConfig[];
  accounts: AccountConfig[];
  orderIds: { start: string; count: number };
  tradeIds: { start: string; count: number };
  lastTimestamp: number;
  books: {
    instrument: string;
    lastPrice: number;
    tradeSeq: number;
    tickDirection: number;
    versions: [number, number];
  }[];
  /** Version 2: the open orders; version 1: every order. */
  orders: OrderSnapshot[];
  /** Version 2: the closed orders. */
  history?: HistorySnapshot;
  positions: PositionSnapshot[];
}

const big = (v: string): Int => norm(BigInt(v));

/** One order as snapshot data. */
export function orderSnapshot(o: Order): OrderSnapshot {
  return {
    id: o.id,
    seq: o.seq,
    account: o.account.id,
    instrument: o.book.instrument.name,
    direction: o.direction,
    price: o.price,
    amount: o.amount,
    filled: o.filled,
    cost: String(o.cost),
    orderType: o.orderType,
    timeInForce: o.timeInForce,
    postOnly: o.postOnly,
    rejectPostOnly: o.rejectPostOnly,
    reduceOnly: o.reduceOnly,
    label: o.label,
    creationTimestamp: o.creationTimestamp,
    lastUpdateTimestamp: o.lastUpdateTimestamp,
    replaced: o.replaced,
    state: o.state,
    cancelReason: o.cancelReason,
  };
}

/** Captures the engine's state (orders by sequence, positions by account then instrument). */
export function takeSnapshot(engine: Engine): EngineSnapshot {
  const orders = engine.orders.openOrders().map(orderSnapshot);
  const positions: PositionSnapshot[] = [];
  for (const a of engine.accounts.list()) {
    for (const book of engine.books) {
      const p = a.peekPosition(book.instrument.index);
      if (p === undefined || (p.size === 0 && p.realized === 0)) continue;
      positions.push({
        account: a.id,
        instrument: book.instrument.name,
        size: p.size,
        average: p.average().map(String) as [string, string],
        realized: String(p.realized),
      });
    }
  }
  return {
    version: 2,
    instruments: engine.instruments.map((i) => ({ ...i.config })),
    accounts: engine.accounts.list().map((a) => ({ ...a.config })),
    orderIds: { start: engine.orderIds.start, count: engine.orderIds.count },
    tradeIds: { start: engine.tradeIds.start, count: engine.tradeIds.count },
    lastTimestamp: engine.lastTimestamp,
    books: engine.books.map((b) => ({
      instrument: b.instrument.name,
      lastPrice: b.lastPrice,
      tradeSeq: b.tradeSeq,
      tickDirection: b.tickDirection,
      versions: [b.bids.version, b.asks.version],
    })),
    orders,
    history: engine.orders.encodeHistory(),
    positions,
  };
}

/** Rebuilds an engine from a snapshot: open orders re-enter their books in sequence (time) order. */
export function restoreSnapshot(
  s: EngineSnapshot,
  options: Pick<EngineOptions, "events" | "journal">,
): Engine {
  if (s.version !== 1 && s.version !== 2)
    throw new Error(`could not restore snapshot version ${String(s.version)}. Expected 1 or 2`);
  const engine = new Engine({
    ...options,
    instruments: s.instruments,
    accounts: s.accounts,
    orderIdStart: s.orderIds.start,
    tradeIdStart: s.tradeIds.start,
  });
  engine.orderIds.count = s.orderIds.count;
  engine.tradeIds.count = s.tradeIds.count;
  engine.lastTimestamp = s.lastTimestamp;
  for (const b of s.books) {
    const book = engine.book(b.instrument)!;
    book.lastPrice = b.lastPrice;
    book.tradeSeq = b.tradeSeq;
    book.tickDirection = b.tickDirection;
  }
  for (const p of s.positions) {
    const pos = engine.accounts.get(p.account)!.position(engine.book(p.instrument)!);
    pos.size = p.size;
    pos.avgNum = big(p.average[0]);
    pos.avgDen = big(p.average[1]);
    pos.realized = big(p.realized);
  }
  const sorted = [...s.orders].sort((a, b) => a.seq - b.seq);
  if (s.version === 2) {
    if (s.history === undefined)
      throw new Error("could not restore snapshot version 2: no history");
    const open = engine.orders.restoreHistory(s.history, s.orderIds.count);
    if (
      open.length !== sorted.length ||
      sorted.some((o, i) => o.seq !== open[i] || o.state !== "open")
    ) {
      throw new Error("could not restore snapshot: its open orders do not match its history");
    }
  }
  for (const o of sorted) {
    const account = engine.accounts.get(o.account);
    const book = engine.book(o.instrument);
    if (account === undefined || book === undefined) {
      throw new Error(`could not restore order ${o.id}: unknown account or instrument`);
    }
    if (engine.orderIds.format(o.seq) !== o.id)
      throw new Error(`could not restore order ${o.id}: its id does not match seq ${o.seq}`);
    engine.orders.restore(o.seq, {
      ...o,
      instrument: book.instrument.index,
      cost: big(o.cost),
    });
    if (o.state === "open") {
      book.own(o.direction).add(o.seq, o.price, o.amount - o.filled);
      if (o.reduceOnly) account.position(book).reduceOnly.push(o.seq);
    }
  }
  for (const b of s.books) {
    const book = engine.book(b.instrument)!;
    book.bids.version = b.versions[0];
    book.asks.version = b.versions[1];
  }
  return engine;
}
