import type { EdgeResult } from "@unwind/engine";
import { errorClasses, RpcError } from "@unwind/server";
import type { Journal } from "../journal/Journal.js";

type ErrorClass = new (data?: unknown) => RpcError;
const classes = errorClasses as unknown as Readonly<Record<string, ErrorClass | undefined>>;

/**
 * The generated error class of a code (an `RpcError` for one the spec does not declare), built
 * without a stack trace: an engine rejection is an answer, not a fault, and capturing a stack
 * would cost more than matching the order did.
 */
export function rpcError(code: number, message: string, data?: unknown): RpcError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const Class = classes[code];
    return Class === undefined ? new RpcError(code, message, data) : new Class(data);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** An engine edge result as the handler's answer: the result, or its wire error thrown. */
export function unwrap<T>(out: EdgeResult<T>): T {
  if (out.ok) return out.result;
  throw rpcError(out.code, out.message, out.data);
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
