import { type ResultCode, resultMessage } from "../ResultCode.js";

/** A wire error: Deribit's code and message, and `data` when the code has details. */
export interface EdgeError {
  ok: false;
  code: ResultCode;
  message: string;
  data?: Record<string, unknown>;
}

/** What an edge method returns: the wire-shaped result, or the wire error. */
export type EdgeResult<T> = { ok: true; result: T } | EdgeError;

/** Builds a wire error for a result code. */
export function edgeError(code: ResultCode, data?: Record<string, unknown>): EdgeError {
  const e: EdgeError = { ok: false, code, message: resultMessage[code] };
  if (data !== undefined) e.data = data;
  return e;
}

/** Builds -32602 Invalid params with `data: {param, reason}`. */
export function invalidParams(param: string, reason: string): EdgeError {
  return edgeError(-32602, { param, reason });
}
