import { RpcError, type RpcErrorClass, type WireError } from "./RpcError.js";

/** Error classes by JSON-RPC code, as `errorClasses` in `src/generated/errors.ts`. */
export type ErrorClasses = Readonly<Record<number, RpcErrorClass>>;

/**
 * Maps a wire `error` to the class the spec declares for its code (one lookup in the generated
 * record), or to a plain `RpcError` for a code the spec does not declare.
 */
export function toRpcError(
  wire: WireError,
  classes: ErrorClasses,
  options: { method?: string; cause?: unknown } = {},
): RpcError {
  const Class = classes[wire.code] ?? RpcError;
  return new Class(wire.code, wire.message, wire.data, options);
}
