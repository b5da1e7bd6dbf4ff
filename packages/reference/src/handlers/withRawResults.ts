import type { PlaceOrderReturnType } from "@unwind/engine";
import { rawJson } from "@unwind/server";
import type { Handler, ReferenceHandlers } from "./ReferenceHandlers.js";
import { serializePlaceResult } from "./serializePlaceResult.js";

/** The methods whose result is the engine's `{order, trades}`, the hot path of the bench. */
const placeMethods = ["private/buy", "private/sell", "private/close_position"] as const;

const toRaw = (result: PlaceOrderReturnType) =>
  rawJson<PlaceOrderReturnType>(serializePlaceResult(result));

function serialised(handler: Handler): Handler {
  return (params, context) => {
    const out = handler(params, context) as PlaceOrderReturnType | Promise<PlaceOrderReturnType>;
    return out instanceof Promise ? out.then(toRaw) : toRaw(out);
  };
}

/**
 * The handlers to serve: `wrapped` (what `wrapHandlers` made of `plain`, or `plain` itself), with
 * `private/buy`, `private/sell` and `private/close_position` answering pre-serialised JSON
 * (`serializePlaceResult`, spliced into the envelope by the server as it is) where they are still
 * the plain ones. `wrapHandlers` always sees and returns plain result objects; a method it replaced
 * is answered through `JSON.stringify`, whatever its result looks like.
 */
export function withRawResults(
  plain: ReferenceHandlers,
  wrapped: ReferenceHandlers = plain,
): ReferenceHandlers {
  const out = { ...wrapped };
  for (const method of placeMethods) {
    const handler = plain[method];
    if (handler !== undefined && wrapped[method] === handler) out[method] = serialised(handler);
  }
  return out;
}
