import type { EdgeResult } from "../loadEngine.js";
import type { Handler, HandlerResult } from "./Defect.js";

/** An engine edge result as a handler result. */
export function fromEdge(edge: EdgeResult): HandlerResult {
  return edge.ok
    ? { result: edge.result }
    : {
        error: {
          code: edge.code,
          message: edge.message,
          ...(edge.data === undefined ? {} : { data: edge.data }),
        },
      };
}

/** Every method of the spec but public/auth (the dispatcher answers it), on the engine. */
export const standInHandlers: Record<string, Handler> = {
  "public/test": (p) =>
    p["expected_result"] === "exception"
      ? { error: { code: -32603, message: "Internal error" } }
      : { result: { version: "0.0.0-stand-in" } },
  "public/get_time": () => ({ result: Date.now() }),
  "public/get_currencies": (_, c) => fromEdge(c.engine.getCurrencies()),
  "public/get_instruments": (p, c) => fromEdge(c.engine.getInstruments(p)),
  "public/get_order_book": (p, c) => fromEdge(c.engine.getOrderBook(p, c.now)),
  "private/buy": (p, c) => fromEdge(c.engine.placeOrder(c.accountId, "buy", p, c.now)),
  "private/sell": (p, c) => fromEdge(c.engine.placeOrder(c.accountId, "sell", p, c.now)),
  "private/cancel": (p, c) => fromEdge(c.engine.cancel(c.accountId, p, c.now)),
  "private/close_position": (p, c) => fromEdge(c.engine.closePosition(c.accountId, p, c.now)),
  "private/get_order_state": (p, c) => fromEdge(c.engine.getOrderState(c.accountId, p)),
  "private/get_open_orders_by_instrument": (p, c) =>
    fromEdge(c.engine.getOpenOrdersByInstrument(c.accountId, p)),
  "private/get_position": (p, c) => fromEdge(c.engine.getPosition(c.accountId, p)),
  "private/get_positions": (p, c) => fromEdge(c.engine.getPositions(c.accountId, p)),
  "private/get_account_summary": (p, c) => fromEdge(c.engine.getAccountSummary(c.accountId, p)),
  "private/get_account_summaries": (_, c) => fromEdge(c.engine.getAccountSummaries(c.accountId)),
};
