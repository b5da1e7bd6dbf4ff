import type { EdgeResult } from "@unwind/engine";
import { errorClasses, type RawJson, RpcError, rawJson } from "@unwind/server";
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

/** An engine edge result as a handler's answer: the result, or the rejection as a value. */
export function settle<T>(out: EdgeResult<T>): T | RpcError {
  return out.ok ? out.result : rpcError(out.code, out.message, out.data);
}

/** An edge result of JSON text (`placeOrderJson`, `closePositionJson`) as a handler's answer. */
export function settleJson<T>(out: EdgeResult<string>): RawJson<T> | RpcError {
  return out.ok ? rawJson<T>(out.result) : rpcError(out.code, out.message, out.data);
}

/**
 * Answers once every command applied so far is durable: the answer of a state-changing call (and
 * of a read that may show its effects) never gets ahead of the journal. `durable` runs first
 * (the subscription notifications of those commands go out before the answer). Synchronous when
 * the journal has nothing pending.
 */
export function afterFlush<A>(journal: Journal, answer: A, durable?: () => void): A | Promise<A> {
  const flushed = journal.flush();
  if (flushed === undefined) {
    durable?.();
    return answer;
  }
  return flushed.then(() => {
    durable?.();
    return answer;
  });
}
