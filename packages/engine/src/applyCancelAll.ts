import type { CancelAllCommand } from "./Command.js";
import { cancelResting } from "./cancelResting.js";
import type { EngineState } from "./EngineState.js";
import { CANCEL_ON_DISCONNECT } from "./OrderMeta.js";
import { type Outcome, reject } from "./Outcome.js";
import { ResultCode } from "./ResultCode.js";

/**
 * Applies cancel_all: every open order of the account, in every book, is cancelled in sequence
 * order (oldest first) with the command's reason. An unknown account is 13009; nothing open is a
 * success that changes nothing.
 */
export function applyCancelAll(engine: EngineState, c: CancelAllCommand, out: Outcome): Outcome {
  engine.clock[0] = c.timestamp;
  if (engine.accounts.get(c.account) === undefined) return reject(out, ResultCode.UNAUTHORIZED);
  const store = engine.orders;
  const seqs: number[] = [];
  for (const book of engine.books) {
    for (const side of [book.bids, book.asks]) {
      for (const level of side.levels) {
        for (const seq of level.seqs(store)) if (store.accountId(seq) === c.account) seqs.push(seq);
      }
    }
  }
  seqs.sort((a, b) => a - b);
  for (const seq of seqs) cancelResting(engine, seq, CANCEL_ON_DISCONNECT, true, out);
  return out;
}
