import type { Account } from "./Account.js";
import type { CancelReason, Direction, Order, OrderType, TimeInForce } from "./Order.js";
import type { OrderBook } from "./OrderBook.js";
import { VarintReader } from "./VarintReader.js";
import { VarintWriter } from "./VarintWriter.js";

const DIRECTIONS: readonly Direction[] = ["buy", "sell"];
const TYPES: readonly OrderType[] = ["limit", "market"];
const TIFS: readonly TimeInForce[] = ["good_til_cancelled", "immediate_or_cancel", "fill_or_kill"];
const REASONS: readonly (CancelReason | null)[] = [
  null,
  "user_request",
  "reduce_only",
  "self_trade",
  "immediate_or_cancel",
  "fill_or_kill",
];
/**
 * Numbers per order, one 64-byte cache line: account, the packed word (instrument x 2^32 + state |
 * direction, type, tif << 8 | flags << 16 | cancel reason << 24), price, amount, filled, cost,
 * created, updated.
 */
const F = 8;
const WORD = 2 ** 32;

/** Resolves the references a closed order needs back. */
export interface HistoryResolver {
  account(id: number): Account;
  book(index: number): OrderBook;
}

/** The closed-order history in a snapshot: varint columns (base64) plus the rare extras. */
export interface HistorySnapshot {
  /** Per order (seq 1..count): 0 when open, else its meta bytes and varint numbers. */
  data: string;
  /** Labels other than "": [seq, label], by seq. */
  labels: [number, string][];
  /** Costs beyond the safe integer range: [seq, decimal digits], by seq. */
  costs: [number, string][];
}

/** Set on the state byte in the encoding when the cost is kept aside (a bigint). */
const BIG_COST = 4;

/** What an unused record holds (the packed word of a closed order is an integer). */
const EMPTY = 0.5;

const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;

function reasonCode(r: CancelReason | null): number {
  switch (r) {
    case null:
      return 0;
    case "user_request":
      return 1;
    case "reduce_only":
      return 2;
    case "self_trade":
      return 3;
    case "immediate_or_cancel":
      return 4;
    case "fill_or_kill":
      return 5;
  }
}

/**
 * Closed orders (filled or cancelled) in pages of 16,384 records of 8 numbers (one cache line per
 * order) indexed by sequence number: no object per order, nothing for the garbage collector to
 * trace, no copying as it grows. A closed order becomes an `Order` object again only when it is
 * read (get_order_state, snapshots). A page is a JS array of unboxed doubles on the V8 heap, not a
 * Float64Array: typed-array memory is external, and every 64 MB of it (a million closed orders)
 * forces a full garbage collection of the whole heap ("external memory pressure").
 */
export class OrderHistory {
  private readonly pages: number[][] = [];
  /** Costs beyond the safe integer range, and labels other than "": rare, kept aside. */
  private readonly bigCosts = new Map<number, bigint>();
  private readonly labels = new Map<number, string>();

  /** Whether the order with this sequence number is closed. */
  has(seq: number): boolean {
    if (seq < 1) return false;
    const page = this.pages[(seq - 1) >>> PAGE_BITS];
    return page !== undefined && page[((seq - 1) & (PAGE - 1)) * F + 1] !== EMPTY;
  }

  /** The account id of closed order `seq` (callers check `has` first). */
  accountOf(seq: number): number {
    return this.pages[(seq - 1) >>> PAGE_BITS]![((seq - 1) & (PAGE - 1)) * F]!;
  }

  private ensurePage(p: number): void {
    // Filled with a non-integer, so the array holds unboxed doubles from the start.
    while (this.pages.length <= p) this.pages.push(new Array<number>(PAGE * F).fill(EMPTY));
  }

  /** Records a closed order. */
  record(o: Order): void {
    const p = (o.seq - 1) >>> PAGE_BITS;
    if (p >= this.pages.length) this.ensurePage(p);
    const num = this.pages[p]!;
    const n = ((o.seq - 1) & (PAGE - 1)) * F;
    const kind =
      (o.direction === "sell" ? 1 : 0) |
      (o.orderType === "market" ? 2 : 0) |
      (o.timeInForce === "immediate_or_cancel" ? 4 : o.timeInForce === "fill_or_kill" ? 8 : 0);
    const flags =
      (o.postOnly ? 1 : 0) |
      (o.rejectPostOnly ? 2 : 0) |
      (o.reduceOnly ? 4 : 0) |
      (o.replaced ? 8 : 0);
    const meta =
      (o.state === "filled" ? 1 : 2) |
      (kind << 8) |
      (flags << 16) |
      (reasonCode(o.cancelReason) << 24);
    num[n] = o.account.id;
    num[n + 1] = o.book.instrument.index * WORD + (meta >>> 0);
    num[n + 2] = o.price;
    num[n + 3] = o.amount;
    num[n + 4] = o.filled;
    const cost = o.cost;
    if (typeof cost === "bigint") {
      num[n + 5] = Number.NaN;
      this.bigCosts.set(o.seq, cost);
    } else {
      num[n + 5] = cost;
    }
    num[n + 6] = o.creationTimestamp;
    num[n + 7] = o.lastUpdateTimestamp;
    if (o.label !== "") this.labels.set(o.seq, o.label);
  }

  /** Rebuilds closed order `seq` into `into` (detached: in no book). */
  read(seq: number, into: Order, r: HistoryResolver): Order {
    const num = this.pages[(seq - 1) >>> PAGE_BITS]!;
    const n = ((seq - 1) & (PAGE - 1)) * F;
    const packed = num[n + 1]!;
    const meta = packed >>> 0;
    const kind = (meta >>> 8) & 255;
    const flags = (meta >>> 16) & 255;
    into.init(
      seq,
      r.account(num[n]!),
      r.book(Math.floor(packed / WORD)),
      DIRECTIONS[kind & 1]!,
      num[n + 2]!,
      num[n + 3]!,
      TYPES[(kind >> 1) & 1]!,
      TIFS[kind & 4 ? 1 : kind & 8 ? 2 : 0]!,
      (flags & 1) !== 0,
      (flags & 2) !== 0,
      (flags & 4) !== 0,
      this.labels.get(seq) ?? "",
      num[n + 6]!,
      (flags & 8) !== 0,
    );
    into.filled = num[n + 4]!;
    const cost = num[n + 5]!;
    into.cost = Number.isNaN(cost) ? this.bigCosts.get(seq)! : cost;
    into.lastUpdateTimestamp = num[n + 7]!;
    into.state = (meta & 255) === 1 ? "filled" : "cancelled";
    into.cancelReason = REASONS[meta >>> 24]!;
    return into;
  }

  /**
   * Encodes orders 1..count compactly (an open order is one 0 byte): about 15 bytes per closed
   * order instead of a JSON object. Canonical: equal histories encode equal.
   */
  encode(count: number): HistorySnapshot {
    const w = new VarintWriter();
    let created = 0;
    for (let seq = 1; seq <= count; seq++) {
      if (!this.has(seq)) {
        w.byte(0);
        continue;
      }
      const num = this.pages[(seq - 1) >>> PAGE_BITS]!;
      const n = ((seq - 1) & (PAGE - 1)) * F;
      const packed = num[n + 1]!;
      const meta = packed >>> 0;
      const cost = num[n + 5]!;
      const big = Number.isNaN(cost);
      w.byte((meta & 255) | (big ? BIG_COST : 0));
      w.byte((meta >>> 8) & 255);
      w.byte((meta >>> 16) & 255);
      w.byte(meta >>> 24);
      w.signed(num[n]!);
      w.signed(Math.floor(packed / WORD));
      for (let k = 2; k < 5; k++) w.signed(num[n + k]!);
      if (!big) w.signed(cost);
      w.signed(num[n + 6]!, created);
      w.signed(num[n + 7]!, num[n + 6]!);
      created = num[n + 6]!;
    }
    const bySeq = <T>(m: Map<number, T>) => [...m].sort((a, b) => a[0] - b[0]);
    return {
      data: Buffer.from(w.result()).toString("base64"),
      labels: bySeq(this.labels),
      costs: bySeq(this.bigCosts).map(([seq, c]) => [seq, c.toString()]),
    };
  }

  /**
   * Restores what {@link encode} wrote into this (empty) history and returns the sequence numbers
   * of the open orders (those the snapshot lists as objects).
   */
  decode(s: HistorySnapshot, count: number): number[] {
    const r = new VarintReader(Buffer.from(s.data, "base64"));
    const open: number[] = [];
    let created = 0;
    for (let seq = 1; seq <= count; seq++) {
      const state = r.byte();
      if (state === 0) {
        open.push(seq);
        continue;
      }
      const p = (seq - 1) >>> PAGE_BITS;
      if (p >= this.pages.length) this.ensurePage(p);
      const num = this.pages[p]!;
      const n = ((seq - 1) & (PAGE - 1)) * F;
      const meta = (state & ~BIG_COST) | (r.byte() << 8) | (r.byte() << 16) | (r.byte() << 24);
      num[n] = r.signed();
      num[n + 1] = r.signed() * WORD + (meta >>> 0);
      for (let k = 2; k < 5; k++) num[n + k] = r.signed();
      num[n + 5] = state & BIG_COST ? Number.NaN : r.signed();
      created = r.signed(created);
      num[n + 6] = created;
      num[n + 7] = r.signed(created);
    }
    if (!r.done())
      throw new Error("could not restore the order history: bytes follow the last order");
    for (const [seq, label] of s.labels) this.labels.set(seq, label);
    for (const [seq, cost] of s.costs) this.bigCosts.set(seq, BigInt(cost));
    return open;
  }
}
