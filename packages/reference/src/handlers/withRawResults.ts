import type { ReferenceHandlers } from "./ReferenceHandlers.js";

/**
 * The handlers to serve: `wrapped` (what `wrapHandlers` made of `plain`, or `plain` itself), with
 * each method of `raw` (the pre-serialised `private/buy`, `private/sell` and
 * `private/close_position` of `createRawPlaceHandlers`) taking the place of its plain handler where
 * `wrapHandlers` left that one as it was. `wrapHandlers` always sees and returns plain result
 * objects; a method it replaced is answered through `JSON.stringify`, whatever its result is.
 */
export function withRawResults(
  plain: ReferenceHandlers,
  wrapped: ReferenceHandlers,
  raw: ReferenceHandlers,
): ReferenceHandlers {
  const out = { ...wrapped };
  for (const [method, handler] of Object.entries(raw)) {
    if (plain[method] !== undefined && wrapped[method] === plain[method]) out[method] = handler;
  }
  return out;
}
