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
  // Emptied by pops, which keep the backing store: a fresh array (or `length = 0`, which drops
  // it) allocates a new one on the first push of every command.
  const { trades, events } = out;
  while (trades.length > 0) trades.pop();
  while (events.length > 0) events.pop();
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
