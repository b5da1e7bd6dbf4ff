import type { Account } from "./Account.js";
import type { CancelReason, Direction, Order, OrderType, TimeInForce } from "./Order.js";
import type { OrderBook } from "./OrderBook.js";

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
/** Bytes per order: state, direction | type << 1 | tif << 2, flags, cancel reason. */
const M = 4;
/** Numbers per order: account, instrument, price, amount, filled, cost, created, updated. */
const F = 8;

/** Resolves the references a closed order needs back. */
export interface HistoryResolver {
  account(id: number): Account;
  book(index: number): OrderBook;
}

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
 * Closed orders (filled or cancelled) in columns of typed arrays, in pages of 16,384 orders
 * indexed by sequence number: no object per order, nothing for the garbage collector to trace,
 * no copying as it grows. A closed order becomes an `Order` object again only when it is read
 * (get_order_state, snapshots).
 */
export class OrderHistory {
  private readonly metaPages: Uint8Array[] = [];
  private readonly numPages: Float64Array[] = [];
  /** Costs beyond the safe integer range, and labels other than "": rare, kept aside. */
  private readonly bigCosts = new Map<number, bigint>();
  private readonly labels = new Map<number, string>();

  /** Whether the order with this sequence number is closed. */
  has(seq: number): boolean {
    if (seq < 1) return false;
    const page = this.metaPages[(seq - 1) >>> PAGE_BITS];
    return page !== undefined && page[((seq - 1) & (PAGE - 1)) * M] !== 0;
  }

  /** The account id of closed order `seq` (callers check `has` first). */
  accountOf(seq: number): number {
    return this.numPages[(seq - 1) >>> PAGE_BITS]![((seq - 1) & (PAGE - 1)) * F]!;
  }

  /** Records a closed order. */
  record(o: Order): void {
    const p = (o.seq - 1) >>> PAGE_BITS;
    let meta = this.metaPages[p];
    let num = this.numPages[p];
    if (meta === undefined || num === undefined) {
      while (this.metaPages.length <= p) {
        this.metaPages.push(new Uint8Array(PAGE * M));
        this.numPages.push(new Float64Array(PAGE * F));
      }
      meta = this.metaPages[p]!;
      num = this.numPages[p]!;
    }
    const i = (o.seq - 1) & (PAGE - 1);
    const m = i * M;
    meta[m] = o.state === "filled" ? 1 : 2;
    meta[m + 1] =
      (o.direction === "sell" ? 1 : 0) |
      (o.orderType === "market" ? 2 : 0) |
      (o.timeInForce === "immediate_or_cancel" ? 4 : o.timeInForce === "fill_or_kill" ? 8 : 0);
    meta[m + 2] =
      (o.postOnly ? 1 : 0) |
      (o.rejectPostOnly ? 2 : 0) |
      (o.reduceOnly ? 4 : 0) |
      (o.replaced ? 8 : 0);
    meta[m + 3] = reasonCode(o.cancelReason);
    const n = i * F;
    num[n] = o.account.id;
    num[n + 1] = o.book.instrument.index;
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
    const p = (seq - 1) >>> PAGE_BITS;
    const i = (seq - 1) & (PAGE - 1);
    const meta = this.metaPages[p]!;
    const num = this.numPages[p]!;
    const m = i * M;
    const kind = meta[m + 1]!;
    const flags = meta[m + 2]!;
    const n = i * F;
    into.init(
      seq,
      r.account(num[n]!),
      r.book(num[n + 1]!),
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
    into.state = meta[m] === 1 ? "filled" : "cancelled";
    into.cancelReason = REASONS[meta[m + 3]!]!;
    return into;
  }
}
