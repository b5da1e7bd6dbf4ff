import type { EngineEvent } from "./EngineEvent.js";
import type { Order } from "./Order.js";
import type { RejectReason, ResultCode } from "./ResultCode.js";
import type { Trade } from "./Trade.js";

/**
 * The result of applying a command: a code (0 is success, else a Deribit error code), the
 * `data.reason` for 11030, the order the command placed or cancelled (live: read it before the next
 * command), the trades it made as taker and the events.
 */
export interface Outcome {
  code: ResultCode;
  reason: RejectReason | null;
  order: Order | null;
  trades: Trade[];
  events: EngineEvent[];
}

/** A fresh, empty outcome. */
export function newOutcome(): Outcome {
  return { code: 0, reason: null, order: null, trades: [], events: [] };
}

/** Empties an outcome for reuse. */
export function resetOutcome(out: Outcome): Outcome {
  out.code = 0;
  out.reason = null;
  out.order = null;
  // A fresh empty array is cheaper than truncating (`length = 0` is a runtime call in V8).
  if (out.trades.length !== 0) out.trades = [];
  if (out.events.length !== 0) out.events = [];
  return out;
}

/** Marks `out` as a rejection that changed nothing. */
export function reject(
  out: Outcome,
  code: ResultCode,
  reason: RejectReason | null = null,
): Outcome {
  out.code = code;
  out.reason = reason;
  return out;
}
