import type { Account } from "./Account.js";
import type { IdSequence } from "./IdSequence.js";
import { addInt, type Int } from "./Int.js";
import { Order } from "./Order.js";
import type { OrderBook } from "./OrderBook.js";
import {
  FLAGS_SHIFT,
  INSTRUMENT_SHIFT,
  KIND_SHIFT,
  OPEN,
  orderMeta,
  REASON_SHIFT,
  REASONS,
  REPLACED,
  STATE,
  STATES,
} from "./OrderMeta.js";
import type { OrderSnapshot } from "./snapshot.js";
import { VarintReader } from "./VarintReader.js";
import { VarintWriter } from "./VarintWriter.js";

/**
 * Numbers per order, one 64-byte cache line: account id, meta (below), price, amount, filled,
 * cost (NaN when it is a bigint kept aside), creation and last update timestamps.
 */
const F = 8;
/** The fields' places in a record. */
const ACCOUNT = 0;
const META = 1;
const PRICE = 2;
const AMOUNT = 3;
const FILLED = 4;
const COST = 5;
const CREATED = 6;
const UPDATED = 7;
const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;
/** What an unused record holds (a non-integer keeps the page's elements unboxed doubles). */
const EMPTY = 0.5;

/** Resolves the references an order's record holds as numbers. */
export interface OrderResolver {
  account(id: number): Account;
  book(index: number): OrderBook;
}

/** The closed orders in a snapshot: varints (base64) plus the rare extras. */
export interface HistorySnapshot {
  /** Per order (seq 1..count): 0 when open, else its meta bytes and varint numbers. */
  data: string;
  /** Labels other than "" (of closed orders): [seq, label], by seq. */
  labels: [number, string][];
  /** Costs beyond the safe integer range (of closed orders): [seq, decimal digits], by seq. */
  costs: [number, string][];
}

/** Set on the state byte of the snapshot encoding when the cost is kept aside (a bigint). */
const BIG_COST = 4;

/** An order of a snapshot with its instrument as an index and its cost as a number or bigint. */
export type OrderFields = Omit<OrderSnapshot, "id" | "seq" | "instrument" | "cost"> & {
  instrument: number;
  cost: Int;
};

/**
 * Every order the engine accepted, open or closed, as a record of 8 numbers indexed by sequence
 * number (ids are `start + seq - 1`, so a lookup is arithmetic, not a hash). Records live in pages
 * of 16,384 (JS arrays of unboxed doubles on the V8 heap: no object per order for the garbage
 * collector to trace, no copy as the store grows, and no typed-array external memory, every 64 MB
 * of which forces a full collection). Closing an order changes its state bits in place. The hot
 * path reads and writes fields by seq; {@link Order} is a view for everything else.
 */
export class OrderStore {
  private readonly pages: number[][] = [];
  /**
   * 1 per open order, 0 per closed one, by seq: the state bits again, in 16 KB per page instead of
   * a 64-byte record, so skipping closed orders in a price level's queue stays in the cache.
   */
  private readonly opens: Uint8Array[] = [];
  private count = 0;
  /** Costs beyond the safe integer range, and labels other than "": rare, kept aside. */
  private readonly bigCosts = new Map<number, bigint>();
  private readonly labels = new Map<number, string>();

  constructor(
    readonly ids: IdSequence,
    readonly resolver: OrderResolver,
  ) {}

  /** Number of orders (open and closed). */
  get size(): number {
    return this.count;
  }

  private page(seq: number): number[] {
    return this.pages[(seq - 1) >>> PAGE_BITS]!;
  }

  /** Where order `seq`'s record starts in its page. */
  private offset(seq: number): number {
    return ((seq - 1) & (PAGE - 1)) * F;
  }

  /** One field of order `seq`'s record. */
  private field(seq: number, field: number): number {
    return this.page(seq)[this.offset(seq) + field]!;
  }

  /** Sets order `seq`'s open flag. */
  private setOpen(seq: number, open: boolean): void {
    this.opens[(seq - 1) >>> PAGE_BITS]![(seq - 1) & (PAGE - 1)] = open ? 1 : 0;
  }

  /** Adds the next order (seq = size + 1), open and unfilled, and returns its seq. */
  create(account: number, meta: number, price: number, amount: number, label: string): number {
    const seq = ++this.count;
    const i = seq - 1;
    const p = i >>> PAGE_BITS;
    // Full size at once, filled with a non-integer: the elements stay unboxed doubles.
    if (p === this.pages.length) {
      this.pages.push(new Array<number>(PAGE * F).fill(EMPTY));
      this.opens.push(new Uint8Array(PAGE));
    }
    this.opens[p]![i & (PAGE - 1)] = 1;
    const num = this.pages[p]!;
    const n = (i & (PAGE - 1)) * F;
    num[n + ACCOUNT] = account;
    num[n + META] = meta;
    num[n + PRICE] = price;
    num[n + AMOUNT] = amount;
    num[n + FILLED] = 0;
    num[n + COST] = 0;
    if (label !== "") this.labels.set(seq, label);
    return seq;
  }

  /** Sets both timestamps of a new order (copied from a double: no boxing through arguments). */
  stamp(seq: number, clock: Float64Array): void {
    const num = this.page(seq);
    const n = this.offset(seq);
    num[n + CREATED] = clock[0]!;
    num[n + UPDATED] = clock[0]!;
  }

  /** Whether `seq` names an order of this store. */
  has(seq: number): boolean {
    return seq >= 1 && seq <= this.count;
  }

  meta(seq: number): number {
    return this.field(seq, META) | 0;
  }

  /** Whether order `seq` (which must exist) is open. */
  isOpen(seq: number): boolean {
    return this.opens[(seq - 1) >>> PAGE_BITS]![(seq - 1) & (PAGE - 1)] === 1;
  }

  accountId(seq: number): number {
    return this.field(seq, ACCOUNT);
  }

  price(seq: number): number {
    return this.field(seq, PRICE);
  }

  amount(seq: number): number {
    return this.field(seq, AMOUNT);
  }

  filled(seq: number): number {
    return this.field(seq, FILLED);
  }

  /** Lots still open. */
  open(seq: number): number {
    const num = this.page(seq);
    const n = this.offset(seq);
    return num[n + AMOUNT]! - num[n + FILLED]!;
  }

  cost(seq: number): Int {
    const c = this.field(seq, COST);
    return Number.isNaN(c) ? this.bigCosts.get(seq)! : c;
  }

  creationTimestamp(seq: number): number {
    return this.field(seq, CREATED);
  }

  lastUpdateTimestamp(seq: number): number {
    return this.field(seq, UPDATED);
  }

  label(seq: number): string {
    return this.labels.get(seq) ?? "";
  }

  /** Adds a fill of `lots` at `price` ticks (filled, cost, last update from the clock). */
  fill(seq: number, lots: number, price: number, clock: Float64Array): void {
    const num = this.page(seq);
    const n = this.offset(seq);
    num[n + FILLED] = num[n + FILLED]! + lots;
    const cost = num[n + COST]!;
    const sum = cost + price * lots;
    if (sum <= Number.MAX_SAFE_INTEGER) num[n + COST] = sum;
    else this.setBigCost(seq, num, n, price, lots);
    num[n + UPDATED] = clock[0]!;
  }

  private setBigCost(seq: number, num: number[], n: number, price: number, lots: number): void {
    const c = addInt(this.cost(seq), BigInt(price) * BigInt(lots));
    if (typeof c === "number") {
      num[n + COST] = c;
    } else {
      num[n + COST] = Number.NaN;
      this.bigCosts.set(seq, c);
    }
  }

  /** Closes order `seq` as filled or cancelled (with a reason code of `OrderMeta`), at the clock's time. */
  close(seq: number, state: number, reason: number, clock: Float64Array): void {
    const num = this.page(seq);
    const n = this.offset(seq);
    num[n + META] = (num[n + META]! & ~STATE) | state | (reason << REASON_SHIFT);
    num[n + UPDATED] = clock[0]!;
    this.setOpen(seq, false);
  }

  /** Cuts an open order's amount (the reduce-only rule) and marks it replaced. */
  cut(seq: number, amount: number, clock: Float64Array): void {
    const num = this.page(seq);
    const n = this.offset(seq);
    num[n + META] = num[n + META]! | REPLACED;
    num[n + AMOUNT] = amount;
    num[n + UPDATED] = clock[0]!;
  }

  /** A view of order `seq`, if it exists (open or closed). */
  bySeq(seq: number): Order | undefined {
    return this.has(seq) ? new Order(this, seq) : undefined;
  }

  /** The order with this id, if any. */
  get(id: string): Order | undefined {
    return this.bySeq(this.ids.seqOf(id));
  }

  /** A view of order `seq` if it is open. */
  openBySeq(seq: number): Order | undefined {
    return this.has(seq) && this.isOpen(seq) ? new Order(this, seq) : undefined;
  }

  /** All orders in sequence order. */
  *values(): IterableIterator<Order> {
    for (let seq = 1; seq <= this.count; seq++) yield new Order(this, seq);
  }

  /** The open orders, in sequence order. */
  openOrders(): Order[] {
    const open: Order[] = [];
    for (let seq = 1; seq <= this.count; seq++)
      if (this.isOpen(seq)) open.push(new Order(this, seq));
    return open;
  }

  /**
   * Encodes the closed orders 1..count compactly (an open order is one 0 byte): about 15 bytes per
   * closed order instead of a JSON object. Canonical: equal histories encode equal.
   */
  encodeHistory(): HistorySnapshot {
    const w = new VarintWriter();
    const labels: [number, string][] = [];
    const costs: [number, string][] = [];
    let created = 0;
    for (let seq = 1; seq <= this.count; seq++) {
      const num = this.page(seq);
      const n = this.offset(seq);
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
      if (big) costs.push([seq, this.bigCosts.get(seq)!.toString()]);
      else w.signed(cost);
      w.signed(num[n + CREATED]!, created);
      w.signed(num[n + UPDATED]!, num[n + CREATED]!);
      created = num[n + CREATED]!;
      const label = this.labels.get(seq);
      if (label !== undefined) labels.push([seq, label]);
    }
    return { data: Buffer.from(w.result()).toString("base64"), labels, costs };
  }

  /**
   * Restores the closed orders of a snapshot into this empty store and returns the sequence numbers
   * left for open orders, which {@link restore} then fills.
   */
  restoreHistory(s: HistorySnapshot, count: number): number[] {
    if (this.count !== 0) throw new Error("could not restore the history: the store is not empty");
    const r = new VarintReader(Buffer.from(s.data, "base64"));
    const open: number[] = [];
    let created = 0;
    for (let seq = 1; seq <= count; seq++) {
      this.create(0, 0, 0, 0, "");
      const state = r.byte();
      if (state === 0) {
        open.push(seq);
        continue;
      }
      this.setOpen(seq, false);
      const num = this.page(seq);
      const n = this.offset(seq);
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
    for (const [seq, label] of s.labels) this.labels.set(seq, label);
    for (const [seq, cost] of s.costs) this.bigCosts.set(seq, BigInt(cost));
    return open;
  }

  /**
   * Writes a whole record (snapshot restore): order `seq` must be the next one, or one that
   * {@link restoreHistory} left open.
   */
  restore(seq: number, f: OrderFields): void {
    if (seq === this.count + 1) this.create(0, 0, 0, 0, "");
    else if (seq < 1 || seq > this.count || !this.isOpen(seq) || this.amount(seq) !== 0) {
      throw new Error(`could not restore order seq ${seq}: it is closed or out of range`);
    }
    const num = this.page(seq);
    const n = this.offset(seq);
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
      this.bigCosts.set(seq, f.cost);
    } else {
      num[n + COST] = f.cost;
    }
    num[n + CREATED] = f.creationTimestamp;
    num[n + UPDATED] = f.lastUpdateTimestamp;
    if (f.label !== "") this.labels.set(seq, f.label);
    else this.labels.delete(seq);
    this.setOpen(seq, f.state === "open");
  }
}
