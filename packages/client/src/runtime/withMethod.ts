import { ConnectionClosedError } from "./ConnectionClosedError.js";

/** The same connection error, naming the call it fails (one error object is built per drop). */
export function withMethod(error: ConnectionClosedError, method: string): ConnectionClosedError {
  if (error.method === method) return error;
  return new ConnectionClosedError(error.shortMessage, {
    method,
    closeCode: error.closeCode,
    closeReason: error.closeReason,
    cause: error.cause,
  });
}
