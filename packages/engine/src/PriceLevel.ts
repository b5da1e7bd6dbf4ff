import type { OpenOrders } from "./OpenOrders.js";

/**
 * All resting orders at one price, in time priority: a queue of order seqs. A cancelled order
 * stays in the queue until matching reaches it or the queue is compacted (lazy deletion: a cancel
 * touches only the order's record, not its neighbours); `count` and `total` cover the open ones.
 */
export class PriceLevel {
  /** Order seqs in time priority from `start` (closed ones are skipped when met). */
  readonly queue: number[] = [];
  start = 0;
  /** Sum of the open lots of the open orders. */
  total = 0;
  /** Number of open orders. */
  count = 0;

  constructor(readonly price: number) {}

  /** Appends an open order with `open` lots at the back of the queue. */
  append(seq: number, open: number): void {
    this.queue.push(seq);
    this.total += open;
    this.count++;
  }

  /** The seq of the first open order (the level must have one): closed ones before it are dropped. */
  head(store: OpenOrders): number {
    const q = this.queue;
    let i = this.start;
    while (!store.isOpen(q[i]!)) i++;
    this.start = i;
    return q[i]!;
  }

  /** Takes the head (just filled; {@link head} returned it) out of the queue. */
  shift(store: OpenOrders, open: number): void {
    this.total -= open;
    this.count--;
    // The front is reclaimed once it is most of the queue.
    if (++this.start > 64 && this.start * 2 > this.queue.length) this.compact(store);
  }

  /** Accounts for an open order that was closed somewhere in the queue (it is skipped later). */
  drop(store: OpenOrders, open: number): void {
    this.total -= open;
    this.count--;
    // Compacts when closed entries are 3 times the open ones: amortised O(1) per order.
    const dead = this.queue.length - this.start - this.count;
    if (dead > 3 * this.count + 64) this.compact(store);
  }

  private compact(store: OpenOrders): void {
    const q = this.queue;
    let w = 0;
    for (let i = this.start; i < q.length; i++) if (store.isOpen(q[i]!)) q[w++] = q[i]!;
    while (q.length > w) q.pop();
    this.start = 0;
  }

  /** The open orders' seqs in time priority. */
  seqs(store: OpenOrders): number[] {
    const out: number[] = [];
    const q = this.queue;
    for (let i = this.start; i < q.length; i++) if (store.isOpen(q[i]!)) out.push(q[i]!);
    return out;
  }
}
