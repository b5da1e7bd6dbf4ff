/**
 * What the book reads of the order records: whether an order is still open (a price level's queue
 * keeps closed orders until matching meets them or the queue is compacted). The `OrderStore`
 * implements it; the book needs nothing else of it.
 */
export interface OpenOrders {
  isOpen(seq: number): boolean;
}
