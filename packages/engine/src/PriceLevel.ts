import type { Order } from "./Order.js";

/** All resting orders at one price, in time priority (a doubly linked queue). */
export class PriceLevel {
  head: Order | null = null;
  tail: Order | null = null;
  /** Sum of the open lots of the orders. */
  total = 0;
  count = 0;

  constructor(readonly price: number) {}

  /** Appends an order at the back of the queue. */
  append(order: Order): void {
    order.level = this;
    order.prev = this.tail;
    order.next = null;
    if (this.tail === null) this.head = order;
    else this.tail.next = order;
    this.tail = order;
    this.total += order.amount - order.filled;
    this.count++;
  }

  /** Unlinks an order (its open lots leave the total). */
  remove(order: Order): void {
    const { prev, next } = order;
    if (prev === null) this.head = next;
    else prev.next = next;
    if (next === null) this.tail = prev;
    else next.prev = prev;
    order.prev = null;
    order.next = null;
    order.level = null;
    this.total -= order.amount - order.filled;
    this.count--;
  }
}
