import type { Accounts } from "./Accounts.js";
import type { IdSequence } from "./IdSequence.js";
import type { Instrument } from "./Instrument.js";
import type { OrderBook } from "./OrderBook.js";
import type { OrderRequest } from "./OrderRequest.js";
import type { OrderStore } from "./OrderStore.js";
import type { OutcomePool } from "./OutcomePool.js";

/**
 * What the command handlers (`applyPlace`, `applyCancel`, `applyClosePosition` and the steps they
 * call) and the snapshot read and write: the books, the accounts with their positions, the order
 * records, the id sequences and the clock. `Engine` owns it and sits above the handlers; they see
 * only this, so none of them imports the engine (the book / risk / journal split of exchange-core).
 */
export interface EngineState {
  readonly instruments: readonly Instrument[];
  /** The books by instrument index. */
  readonly books: readonly OrderBook[];
  readonly accounts: Accounts;
  readonly orders: OrderStore;
  readonly orderIds: IdSequence;
  readonly tradeIds: IdSequence;
  /** Whether outcomes carry events. */
  readonly emitEvents: boolean;
  /** Makes the trades and events of the current command. */
  readonly made: OutcomePool;
  /** The scratch order request the command handlers fill (see {@link OrderRequest}). */
  readonly request: OrderRequest;
  /** The current command's timestamp in element 0 (a typed array: no boxed number per command). */
  readonly clock: Float64Array;
  /** The book of an instrument, by name. */
  book(name: string): OrderBook | undefined;
}
