import type { EdgeResult } from "@unwind/engine";
import { closePositionJson, placeOrderJson } from "@unwind/engine";
import { type RawJson, rawJson } from "@unwind/server";
import { answerAfterFlush } from "./answer.js";
import { account, type HandlerDeps } from "./createHandlers.js";
import type { Handler } from "./ReferenceHandlers.js";

/**
 * `private/buy`, `private/sell` and `private/close_position` answering pre-serialised JSON: the
 * engine writes the result's JSON from the order and trades directly (`placeResultJson`, byte for
 * byte what `JSON.stringify` gives for the wire result), and the server splices it into the
 * envelope as it is. They answer after the journal's flush, like the plain handlers.
 */
export function createRawPlaceHandlers(
  deps: Pick<HandlerDeps, "engine" | "journal" | "now">,
): Record<"private/buy" | "private/sell" | "private/close_position", Handler> {
  const { engine, journal, now } = deps;
  const answer = (out: EdgeResult<string>): RawJson | Promise<RawJson> => {
    const json = answerAfterFlush(journal, out);
    return typeof json === "string" ? rawJson(json) : json.then((text) => rawJson(text));
  };
  return {
    "private/buy": (p, c) => answer(placeOrderJson(engine, account(c), "buy", p, now())),
    "private/sell": (p, c) => answer(placeOrderJson(engine, account(c), "sell", p, now())),
    "private/close_position": (p, c) => answer(closePositionJson(engine, account(c), p, now())),
  };
}
