import type { IdSequence } from "./IdSequence.js";
import type { Order } from "./Order.js";

/**
 * Every order the engine accepted, open or closed, indexed by sequence number: ids are
 * `start + seq - 1`, so a lookup by id is arithmetic and an array read, not a hash.
 */
export class OrderStore {
  private readonly bySeq: Order[] = [];

  constructor(private readonly ids: IdSequence) {}

  /** Number of orders. */
  get size(): number {
    return this.bySeq.length;
  }

  /** Adds the order with the next sequence number. */
  add(order: Order): void {
    if (order.seq !== this.bySeq.length + 1) {
      throw new Error(`could not store order seq ${order.seq}. Expected ${this.bySeq.length + 1}`);
    }
    this.bySeq.push(order);
  }

  /** The order with this id, if any. */
  get(id: string): Order | undefined {
    const seq = this.ids.seqOf(id);
    const o = seq > 0 ? this.bySeq[seq - 1] : undefined;
    return o !== undefined && o.id === id ? o : undefined;
  }

  /** All orders in sequence order. */
  values(): IterableIterator<Order> {
    return this.bySeq.values();
  }
}
