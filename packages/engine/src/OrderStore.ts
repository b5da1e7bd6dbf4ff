import type { Account } from "./Account.js";
import type { IdSequence } from "./IdSequence.js";
import { addInt, type Int } from "./Int.js";
import { Order } from "./Order.js";
import type { OrderBook } from "./OrderBook.js";
import { REASON_SHIFT, REPLACED, STATE } from "./OrderMeta.js";

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

/**
 * The places of the fields in a record, for the snapshot codec (`historyCodec.ts`), which reads
 * and writes whole records through {@link OrderStore.page} and {@link OrderStore.offset}. The
 * store's own code uses the module constants above.
 */
export const RecordField = {
  ACCOUNT,
  META,
  PRICE,
  AMOUNT,
  FILLED,
  COST,
  CREATED,
  UPDATED,
} as const;

/** Resolves the references an order's record holds as numbers. */
export interface OrderResolver {
  account(id: number): Account;
  book(index: number): OrderBook;
}

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
  readonly bigCosts = new Map<number, bigint>();
  readonly labels = new Map<number, string>();

  constructor(
    readonly ids: IdSequence,
    readonly resolver: OrderResolver,
  ) {}

  /** Number of orders (open and closed). */
  get size(): number {
    return this.count;
  }

  /** The page holding order `seq`'s record. */
  page(seq: number): number[] {
    return this.pages[(seq - 1) >>> PAGE_BITS]!;
  }

  /** Where order `seq`'s record starts in its page. */
  offset(seq: number): number {
    return ((seq - 1) & (PAGE - 1)) * F;
  }

  /** One field of order `seq`'s record. */
  private field(seq: number, field: number): number {
    return this.page(seq)[this.offset(seq) + field]!;
  }

  /** Sets order `seq`'s open flag. */
  setOpen(seq: number, open: boolean): void {
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
}
