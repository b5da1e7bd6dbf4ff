import type { AccountConfig } from "./Account.js";
import type { InstrumentConfig } from "./Instrument.js";
import type {
  CancelReason,
  Direction,
  OrderState,
  OrderType,
  TimeInForce,
} from "./OrderVocabulary.js";

/** One order in a snapshot (prices in ticks, amounts in lots; `cost` as a decimal-digit string). */
export interface OrderSnapshot {
  id: string;
  seq: number;
  account: number;
  instrument: string;
  direction: Direction;
  price: number;
  amount: number;
  filled: number;
  cost: string;
  orderType: OrderType;
  timeInForce: TimeInForce;
  postOnly: boolean;
  rejectPostOnly: boolean;
  reduceOnly: boolean;
  label: string;
  creationTimestamp: number;
  lastUpdateTimestamp: number;
  replaced: boolean;
  state: OrderState;
  cancelReason: CancelReason | null;
}

/** A non-flat (or PnL-carrying) position in a snapshot. */
export interface PositionSnapshot {
  account: number;
  instrument: string;
  size: number;
  average: [string, string];
  realized: string;
}

/**
 * The engine's whole state as plain JSON data, in a canonical order. Version 2 lists the open
 * orders as objects and the closed ones compactly in `history`; version 1 (still restored) listed
 * every order as an object.
 */
export interface EngineSnapshot {
  version: 1 | 2;
  instruments: InstrumentConfig[];
  accounts: AccountConfig[];
  orderIds: { start: string; count: number };
  tradeIds: { start: string; count: number };
  lastTimestamp: number;
  books: {
    instrument: string;
    lastPrice: number;
    tradeSeq: number;
    tickDirection: number;
    versions: [number, number];
  }[];
  /** Version 2: the open orders; version 1: every order. */
  orders: OrderSnapshot[];
  /** Version 2: the closed orders. */
  history?: HistorySnapshot;
  positions: PositionSnapshot[];
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
