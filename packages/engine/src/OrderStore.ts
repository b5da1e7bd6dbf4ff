import type { IdSequence } from "./IdSequence.js";
import { Order } from "./Order.js";
import { type HistoryResolver, type HistorySnapshot, OrderHistory } from "./OrderHistory.js";

const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;

/**
 * Every order the engine accepted, by sequence number (ids are `start + seq - 1`, so a lookup is
 * arithmetic, not a hash): open orders as live objects, closed ones in the columnar history.
 * Closed order objects go back to a pool at the start of the next command and are reused.
 */
export class OrderStore {
  /** Open orders by seq - 1, in pages: the store never copies a huge array as it grows. */
  private readonly live: (Order | undefined)[][] = [];
  private count = 0;
  private readonly history = new OrderHistory();
  private readonly closed: Order[] = [];
  private readonly pool: Order[] = [];

  constructor(
    private readonly ids: IdSequence,
    private readonly resolver: HistoryResolver,
  ) {}

  /** Number of orders (open and closed). */
  get size(): number {
    return this.count;
  }

  /** An order object for a new order: a recycled one when there is one. */
  acquire(): Order {
    return this.pool.pop() ?? new Order(this.ids);
  }

  /** Adds a new order; its seq must be the next one. */
  add(order: Order): void {
    if (order.seq !== this.count + 1) {
      throw new Error(`could not store order seq ${order.seq}. Expected ${this.count + 1}`);
    }
    this.put(this.count++, order);
  }

  private put(i: number, order: Order | undefined): void {
    let page = this.live[i >>> PAGE_BITS];
    if (page === undefined) {
      // Full size at once: a page grown one order at a time copies its backing store ~20 times.
      page = new Array<Order | undefined>(PAGE).fill(undefined);
      this.live.push(page);
    }
    page[i & (PAGE - 1)] = order;
  }

  private at(i: number): Order | undefined {
    return this.live[i >>> PAGE_BITS]![i & (PAGE - 1)];
  }

  /** Moves a closed (filled or cancelled) order to the history; its object is recycled later. */
  close(order: Order): void {
    this.history.record(order);
    this.live[(order.seq - 1) >>> PAGE_BITS]![(order.seq - 1) & (PAGE - 1)] = undefined;
    this.closed.push(order);
  }

  /** Returns the objects of orders closed by earlier commands to the pool. */
  recycle(): void {
    const closed = this.closed;
    while (closed.length > 0) this.pool.push(closed.pop()!);
  }

  /** The order with this id, if any (a closed one is rebuilt from the history). */
  get(id: string): Order | undefined {
    return this.bySeq(this.ids.seqOf(id));
  }

  /** The order with this sequence number, if any. */
  bySeq(seq: number): Order | undefined {
    if (seq < 1 || seq > this.count) return undefined;
    const o = this.at(seq - 1);
    if (o !== undefined) return o;
    return this.history.read(seq, new Order(this.ids), this.resolver);
  }

  /** The open order with this sequence number, if it is open (no rebuild). */
  openBySeq(seq: number): Order | undefined {
    return seq >= 1 && seq <= this.count ? this.at(seq - 1) : undefined;
  }

  /** The account id of a closed order, or undefined when `seq` names no closed order. */
  closedAccount(seq: number): number | undefined {
    return this.history.has(seq) ? this.history.accountOf(seq) : undefined;
  }

  /** All orders in sequence order (closed ones rebuilt). */
  *values(): IterableIterator<Order> {
    for (let seq = 1; seq <= this.count; seq++) yield this.bySeq(seq)!;
  }

  /** The open orders, in sequence order. */
  openOrders(): Order[] {
    const open: Order[] = [];
    for (const page of this.live) for (const o of page) if (o !== undefined) open.push(o);
    return open;
  }

  /** The closed orders, encoded (see {@link OrderHistory.encode}). */
  encodeHistory(): HistorySnapshot {
    return this.history.encode(this.count);
  }

  /**
   * Restores the closed orders of a snapshot into this empty store and returns the sequence numbers
   * left for open orders, which {@link restoreOpen} then fills.
   */
  restoreHistory(s: HistorySnapshot, count: number): number[] {
    if (this.count !== 0) throw new Error("could not restore the history: the store is not empty");
    const open = this.history.decode(s, count);
    for (let i = 0; i < count; i++) this.put(i, undefined);
    this.count = count;
    return open;
  }

  /** Puts back an open order whose slot {@link restoreHistory} left empty. */
  restoreOpen(order: Order): void {
    if (order.seq < 1 || order.seq > this.count || this.history.has(order.seq)) {
      throw new Error(
        `could not restore open order seq ${order.seq}: it is closed or out of range`,
      );
    }
    this.put(order.seq - 1, order);
  }
}
