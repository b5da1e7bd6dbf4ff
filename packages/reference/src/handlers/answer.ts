import type { EdgeResult } from "@unwind/engine";
import { RpcError } from "@unwind/server";
import type { Journal } from "../journal/Journal.js";

/** An engine edge result as the handler's answer: the result, or its wire error thrown as an RpcError. */
export function unwrap<T>(out: EdgeResult<T>): T {
  if (out.ok) return out.result;
  throw new RpcError(out.code, out.message, out.data);
}

/**
 * Answers once every command applied so far is durable: the answer of a state-changing call (and
 * of a read that may show its effects) never gets ahead of the journal. Synchronous when the
 * journal has nothing pending.
 */
export function answerAfterFlush<T>(journal: Journal, out: EdgeResult<T>): T | Promise<T> {
  const flushed = journal.flush();
  if (flushed === undefined) return unwrap(out);
  return flushed.then(() => unwrap(out));
}
