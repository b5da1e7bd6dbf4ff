import { errorEnvelope, resultEnvelope } from "@unwind/protocol";
import { protocolErrors as E } from "./protocolErrors.js";
import { RawJson } from "./RawJson.js";
import { RpcError } from "./RpcError.js";

/** Called with every exception that is not an `RpcError` (it is answered as -32603). */
export type ErrorHook = (error: unknown, info: { readonly method: string }) => void;

/**
 * Answers of a call, for a server's `testnet` flag and error hook. `idJson` is the id's JSON text,
 * "null" when there is none to echo, or null for a notification, which gets no answer.
 */
export interface Replies {
  /**
   * A result's JSON is spliced into the envelope: `JSON.stringify(result)`, or a `RawJson`'s text.
   * A returned `RpcError` is a rejection: answered as {@link Replies.fail} answers a thrown one.
   */
  succeed(idJson: string | null, result: unknown, method: string, usIn: number): string | undefined;
  /** An `RpcError` is answered as it is; anything else goes to the hook and becomes -32603. */
  fail(idJson: string | null, error: unknown, method: string, usIn: number): string | undefined;
  /** A runtime error of `protocolErrors` with its data. */
  error(
    idJson: string | null,
    error: { code: number; message: string },
    data: unknown,
    usIn: number,
  ): string | undefined;
}

export function createReplies(testnet: boolean, onError: ErrorHook): Replies {
  function fail(idJson: string | null, error: unknown, method: string, usIn: number) {
    if (error instanceof RpcError) {
      if (idJson === null) return undefined;
      try {
        return errorEnvelope(idJson, error.code, error.message, error.data, usIn, testnet);
      } catch (serialisation) {
        error = serialisation;
      }
    }
    onError(error, { method });
    if (idJson === null) return undefined;
    const { code, message } = E.internalError;
    return errorEnvelope(idJson, code, message, undefined, usIn, testnet);
  }

  function succeed(idJson: string | null, result: unknown, method: string, usIn: number) {
    if (idJson === null) return undefined;
    if (result instanceof RawJson) return resultEnvelope(idJson, result.json, usIn, testnet);
    if (result instanceof RpcError) return fail(idJson, result, method, usIn);
    let json: string | undefined;
    try {
      json = JSON.stringify(result);
    } catch (error) {
      return fail(idJson, error, method, usIn);
    }
    return resultEnvelope(idJson, json === undefined ? "null" : json, usIn, testnet);
  }

  function error(
    idJson: string | null,
    known: { code: number; message: string },
    data: unknown,
    usIn: number,
  ) {
    if (idJson === null) return undefined;
    return errorEnvelope(idJson, known.code, known.message, data, usIn, testnet);
  }

  return { succeed, fail, error };
}
