import { InvalidResponseError } from "./InvalidResponseError.js";
import type { WireError } from "./RpcError.js";
import { type ErrorClasses, toRpcError } from "./toRpcError.js";

function isWireError(value: unknown): value is WireError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as WireError).code === "number" &&
    typeof (value as WireError).message === "string"
  );
}

/**
 * Returns a parsed response's `result`, or throws the `RpcError` subclass of its `error`, or an
 * `InvalidResponseError` when it is neither.
 */
export function readResult(message: unknown, method: string, classes: ErrorClasses): unknown {
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    throw new InvalidResponseError("the response is not a JSON object", {
      body: JSON.stringify(message) ?? String(message),
      method,
    });
  }
  const { error } = message as { error?: unknown };
  if (error !== undefined && error !== null) {
    if (isWireError(error)) throw toRpcError(error, classes, { method });
    throw new InvalidResponseError("its error member has no numeric code and string message", {
      body: JSON.stringify(message),
      method,
    });
  }
  if (!("result" in message)) {
    throw new InvalidResponseError("it has neither result nor error", {
      body: JSON.stringify(message),
      method,
    });
  }
  return (message as { result: unknown }).result;
}
