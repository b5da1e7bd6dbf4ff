import type { HistorySnapshot, OrderSnapshot } from "./EngineSnapshot.js";
import type { Int } from "./Int.js";
import {
  FLAGS_SHIFT,
  INSTRUMENT_SHIFT,
  KIND_SHIFT,
  OPEN,
  orderMeta,
  REASON_SHIFT,
  REASONS,
  STATE,
  STATES,
} from "./OrderMeta.js";
import { type OrderStore, RecordField } from "./OrderStore.js";
import { VarintReader } from "./VarintReader.js";
import { VarintWriter } from "./VarintWriter.js";

const { ACCOUNT, META, PRICE, AMOUNT, FILLED, COST, CREATED, UPDATED } = RecordField;

/** Set on the state byte of the snapshot encoding when the cost is kept aside (a bigint). */
const BIG_COST = 4;

/** An order of a snapshot with its instrument as an index and its cost as a number or bigint. */
export type OrderFields = Omit<OrderSnapshot, "id" | "seq" | "instrument" | "cost"> & {
  instrument: number;
  cost: Int;
};

/**
 * Encodes the closed orders 1..size of `store` compactly (an open order is one 0 byte): about 15
 * bytes per closed order instead of a JSON object. Canonical: equal histories encode equal.
 */
export function encodeHistory(store: OrderStore): HistorySnapshot {
  const w = new VarintWriter();
  const labels: [number, string][] = [];
  const costs: [number, string][] = [];
  let created = 0;
  for (let seq = 1; seq <= store.size; seq++) {
    const num = store.page(seq);
    const n = store.offset(seq);
    const meta = num[n + META]! | 0;
    const state = meta & STATE;
    if (state === OPEN) {
      w.byte(0);
      continue;
    }
    const cost = num[n + COST]!;
    const big = Number.isNaN(cost);
    w.byte(state | (big ? BIG_COST : 0));
    w.byte((meta >>> KIND_SHIFT) & 15);
    w.byte((meta >>> FLAGS_SHIFT) & 15);
    w.byte((meta >>> REASON_SHIFT) & 7);
    w.signed(num[n + ACCOUNT]!);
    w.signed(meta >>> INSTRUMENT_SHIFT);
    for (let k = PRICE; k <= FILLED; k++) w.signed(num[n + k]!);
    if (big) costs.push([seq, store.bigCosts.get(seq)!.toString()]);
    else w.signed(cost);
    w.signed(num[n + CREATED]!, created);
    w.signed(num[n + UPDATED]!, num[n + CREATED]!);
    created = num[n + CREATED]!;
    const label = store.labels.get(seq);
    if (label !== undefined) labels.push([seq, label]);
  }
  return { data: Buffer.from(w.result()).toString("base64"), labels, costs };
}

/**
 * Restores the closed orders of a snapshot into the empty `store` and returns the sequence numbers
 * left for open orders, which {@link restoreOrder} then fills.
 */
export function restoreHistory(store: OrderStore, s: HistorySnapshot, count: number): number[] {
  if (store.size !== 0) throw new Error("could not restore the history: the store is not empty");
  const r = new VarintReader(Buffer.from(s.data, "base64"));
  const open: number[] = [];
  let created = 0;
  for (let seq = 1; seq <= count; seq++) {
    store.create(0, 0, 0, 0, "");
    const state = r.byte();
    if (state === 0) {
      open.push(seq);
      continue;
    }
    store.setOpen(seq, false);
    const num = store.page(seq);
    const n = store.offset(seq);
    const kind = r.byte();
    const flags = r.byte();
    const reason = r.byte();
    num[n + ACCOUNT] = r.signed();
    const instrument = r.signed();
    num[n + META] =
      (state & STATE) |
      (kind << KIND_SHIFT) |
      (flags << FLAGS_SHIFT) |
      (reason << REASON_SHIFT) |
      (instrument << INSTRUMENT_SHIFT);
    for (let k = PRICE; k <= FILLED; k++) num[n + k] = r.signed();
    num[n + COST] = state & BIG_COST ? Number.NaN : r.signed();
    created = r.signed(created);
    num[n + CREATED] = created;
    num[n + UPDATED] = r.signed(created);
  }
  if (!r.done())
    throw new Error("could not restore the order history: bytes follow the last order");
  for (const [seq, label] of s.labels) store.labels.set(seq, label);
  for (const [seq, cost] of s.costs) store.bigCosts.set(seq, BigInt(cost));
  return open;
}

/**
 * Writes a whole record (snapshot restore): order `seq` must be the next one, or one that
 * {@link restoreHistory} left open.
 */
export function restoreOrder(store: OrderStore, seq: number, f: OrderFields): void {
  if (seq === store.size + 1) store.create(0, 0, 0, 0, "");
  else if (seq < 1 || seq > store.size || !store.isOpen(seq) || store.amount(seq) !== 0) {
    throw new Error(`could not restore order seq ${seq}: it is closed or out of range`);
  }
  const num = store.page(seq);
  const n = store.offset(seq);
  num[n + ACCOUNT] = f.account;
  const meta = orderMeta(
    f.direction,
    f.orderType,
    f.timeInForce,
    f.postOnly,
    f.rejectPostOnly,
    f.reduceOnly,
    f.replaced,
    f.instrument,
  );
  num[n + META] =
    meta | STATES.indexOf(f.state) | (REASONS.indexOf(f.cancelReason) << REASON_SHIFT);
  num[n + PRICE] = f.price;
  num[n + AMOUNT] = f.amount;
  num[n + FILLED] = f.filled;
  if (typeof f.cost === "bigint") {
    num[n + COST] = Number.NaN;
    store.bigCosts.set(seq, f.cost);
  } else {
    num[n + COST] = f.cost;
  }
  num[n + CREATED] = f.creationTimestamp;
  num[n + UPDATED] = f.lastUpdateTimestamp;
  if (f.label !== "") store.labels.set(seq, f.label);
  else store.labels.delete(seq);
  store.setOpen(seq, f.state === "open");
}
