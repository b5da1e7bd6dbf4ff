import { readResult } from "./readResult.js";
import type { ErrorClasses } from "./toRpcError.js";
import { toRpcResponse } from "./toRpcResponse.js";
import type { WsCall } from "./WsCall.js";

/**
 * Settles a call with the response that carries its id: the result, the whole response with
 * its timing (`send`, `onResponse`), or the error class of a JSON-RPC error.
 */
export function resolveCall(call: WsCall, message: any, classes: ErrorClasses): void {
  if ((message.error !== undefined && message.error !== null) || !("result" in message)) {
    try {
      readResult(message, call.method, classes);
    } catch (error) {
      call.reject(error);
    }
    return;
  }
  if (!call.full && call.options.onResponse === undefined) {
    call.resolve(message.result);
    return;
  }
  const response = toRpcResponse(message, performance.now() - call.sentAt);
  try {
    call.options.onResponse?.(response);
  } catch (error) {
    call.reject(error);
    return;
  }
  call.resolve(call.full ? response : response.result);
}
