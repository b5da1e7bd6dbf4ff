import type {
  CancelReason,
  Direction,
  OrderState,
  OrderType,
  TimeInForce,
} from "./OrderVocabulary.js";

/**
 * An order's meta word, an int32 in its record: state (2 bits), kind (4: sell, market,
 * immediate_or_cancel, fill_or_kill), flags (4: post_only, reject_post_only, reduce_only,
 * replaced), cancel reason (3) and instrument index (18).
 */
/** State bits of meta. */
export const OPEN = 0;
export const FILLED = 1;
export const CANCELLED = 2;
/** Mask of the state bits; the shifts of the other fields. */
export const STATE = 3;
export const KIND_SHIFT = 2;
export const FLAGS_SHIFT = 6;
export const REASON_SHIFT = 10;
export const INSTRUMENT_SHIFT = 13;
/** Kind bits: sell, market, immediate_or_cancel, fill_or_kill. */
const SELL = 1;
const MARKET = 2;
const IOC = 4;
const FOK = 8;
/** Flag bits (shifted by FLAGS_SHIFT): post_only, reject_post_only, reduce_only, replaced. */
const POST_ONLY = 1 << FLAGS_SHIFT;
const REJECT_POST_ONLY = 2 << FLAGS_SHIFT;
const REDUCE_ONLY = 4 << FLAGS_SHIFT;
export const REPLACED = 8 << FLAGS_SHIFT;

const DIRECTIONS: readonly Direction[] = ["buy", "sell"];
export const STATES: readonly OrderState[] = ["open", "filled", "cancelled"];
export const REASONS: readonly (CancelReason | null)[] = [
  null,
  "user_request",
  "reduce_only",
  "self_trade",
  "immediate_or_cancel",
  "fill_or_kill",
  "cancel_on_disconnect",
];

/** The codes of the cancel reasons in meta. */
export const USER_REQUEST = 1;
export const REDUCE_ONLY_REASON = 2;
export const SELF_TRADE = 3;
export const IMMEDIATE_OR_CANCEL = 4;
export const FILL_OR_KILL = 5;
export const CANCEL_ON_DISCONNECT = 6;

/** The meta word of a new open order of instrument `instrument` (an index). */
export function orderMeta(
  direction: Direction,
  orderType: OrderType,
  timeInForce: TimeInForce,
  postOnly: boolean,
  rejectPostOnly: boolean,
  reduceOnly: boolean,
  replaced: boolean,
  instrument: number,
): number {
  const kind =
    (direction === "sell" ? SELL : 0) |
    (orderType === "market" ? MARKET : 0) |
    (timeInForce === "immediate_or_cancel" ? IOC : timeInForce === "fill_or_kill" ? FOK : 0);
  return (
    (kind << KIND_SHIFT) |
    (postOnly ? POST_ONLY : 0) |
    (rejectPostOnly ? REJECT_POST_ONLY : 0) |
    (reduceOnly ? REDUCE_ONLY : 0) |
    (replaced ? REPLACED : 0) |
    (instrument << INSTRUMENT_SHIFT)
  );
}

/** Field readers of a meta word (for {@link Order} and the hot path). */
export const Meta = {
  state: (m: number): OrderState => STATES[m & STATE]!,
  direction: (m: number): Direction => DIRECTIONS[(m >>> KIND_SHIFT) & SELL]!,
  isSell: (m: number): boolean => ((m >>> KIND_SHIFT) & SELL) !== 0,
  orderType: (m: number): OrderType => (((m >>> KIND_SHIFT) & MARKET) !== 0 ? "market" : "limit"),
  timeInForce: (m: number): TimeInForce => {
    const k = m >>> KIND_SHIFT;
    return k & IOC ? "immediate_or_cancel" : k & FOK ? "fill_or_kill" : "good_til_cancelled";
  },
  postOnly: (m: number): boolean => (m & POST_ONLY) !== 0,
  rejectPostOnly: (m: number): boolean => (m & REJECT_POST_ONLY) !== 0,
  reduceOnly: (m: number): boolean => (m & REDUCE_ONLY) !== 0,
  replaced: (m: number): boolean => (m & REPLACED) !== 0,
  cancelReason: (m: number): CancelReason | null => REASONS[(m >>> REASON_SHIFT) & 7]!,
  instrument: (m: number): number => m >>> INSTRUMENT_SHIFT,
  isOpen: (m: number): boolean => (m & STATE) === OPEN,
  /** Everything but the instrument: state, kind, flags and cancel reason (13 bits). */
  shape: (m: number): number => m & ((1 << INSTRUMENT_SHIFT) - 1),
};
