import type { AccountConfig } from "./Account.js";
import type { EngineSnapshot, OrderSnapshot, PositionSnapshot } from "./EngineSnapshot.js";
import type { EngineState } from "./EngineState.js";
import { encodeHistory, restoreHistory, restoreOrder } from "./historyCodec.js";
import type { InstrumentConfig } from "./Instrument.js";
import { type Int, norm } from "./Int.js";
import type { Order } from "./Order.js";

/** What an engine restored from a snapshot is built with (before its state is filled in). */
export interface SnapshotConfig {
  instruments: InstrumentConfig[];
  accounts: AccountConfig[];
  orderIdStart: string;
  tradeIdStart: string;
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
export function takeSnapshot(engine: EngineState): EngineSnapshot {
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
    lastTimestamp: engine.clock[0]!,
    books: engine.books.map((b) => ({
      instrument: b.instrument.name,
      lastPrice: b.lastPrice,
      tradeSeq: b.tradeSeq,
      tickDirection: b.tickDirection,
      versions: [b.bids.version, b.asks.version],
    })),
    orders,
    history: encodeHistory(engine.orders),
    positions,
  };
}

/**
 * Rebuilds an engine from a snapshot: `create` makes it from the snapshot's configuration, then its
 * counters, books and positions are set and the open orders re-enter their books in sequence (time)
 * order.
 */
export function restoreSnapshot<S extends EngineState>(
  s: EngineSnapshot,
  create: (config: SnapshotConfig) => S,
): S {
  if (s.version !== 1 && s.version !== 2)
    throw new Error(`could not restore snapshot version ${String(s.version)}. Expected 1 or 2`);
  const engine = create({
    instruments: s.instruments,
    accounts: s.accounts,
    orderIdStart: s.orderIds.start,
    tradeIdStart: s.tradeIds.start,
  });
  engine.orderIds.count = s.orderIds.count;
  engine.tradeIds.count = s.tradeIds.count;
  engine.clock[0] = s.lastTimestamp;
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
    const open = restoreHistory(engine.orders, s.history, s.orderIds.count);
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
    restoreOrder(engine.orders, o.seq, {
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
