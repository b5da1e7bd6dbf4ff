import type { Engine } from "@unwind/engine";
import { protocolErrors, type RequestContext, RpcError } from "@unwind/server";
import type { AuthParams, ReferenceAuth } from "../auth/ReferenceAuth.js";
import type { Journal } from "../journal/Journal.js";
import { answerAfterFlush } from "./answer.js";
import type { ReferenceHandlers } from "./ReferenceHandlers.js";

/** What the handlers work with. */
export interface HandlerDeps {
  readonly engine: Engine;
  readonly auth: ReferenceAuth;
  readonly journal: Journal;
  /** Milliseconds since the epoch: command timestamps and `public/get_time`. */
  readonly now: () => number;
  /** `public/test`'s version. */
  readonly version: string;
}

type Params = Record<string, unknown>;

function account(context: RequestContext): number {
  // The dispatcher authorises private methods before calling them: a principal is always there.
  return context.principal!.accountId as number;
}

/**
 * Every method of the spec, by name, over the engine's wire edge. State-changing methods apply one
 * command (journaled by the engine) and answer after the journal's flush; so do reads, so that no
 * answer shows state that a crash could still lose.
 */
export function createHandlers(deps: HandlerDeps): ReferenceHandlers {
  const { engine, auth, journal, now, version } = deps;
  const { internalError } = protocolErrors;
  return {
    "private/close_position": (p: Params, c: RequestContext) =>
      answerAfterFlush(journal, engine.closePosition(account(c), p, now())),
    "public/auth": (p: AuthParams, c: RequestContext) => {
      const grant = auth.grant(p);
      c.authenticateConnection(grant.principal);
      return grant.result;
    },
    "public/test": (p: Params) => {
      if (p["expected_result"] === "exception") {
        throw new RpcError(internalError.code, internalError.message);
      }
      return { version };
    },
    "public/get_time": () => now(),
    "public/get_currencies": () => answerAfterFlush(journal, engine.getCurrencies()),
    "public/get_instruments": (p: Params) => answerAfterFlush(journal, engine.getInstruments(p)),
    "public/get_order_book": (p: Params) =>
      answerAfterFlush(journal, engine.getOrderBook(p, now())),
    "private/buy": (p: Params, c: RequestContext) =>
      answerAfterFlush(journal, engine.placeOrder(account(c), "buy", p, now())),
    "private/sell": (p: Params, c: RequestContext) =>
      answerAfterFlush(journal, engine.placeOrder(account(c), "sell", p, now())),
    "private/cancel": (p: Params, c: RequestContext) =>
      answerAfterFlush(journal, engine.cancel(account(c), p, now())),
    "private/get_order_state": (p: Params, c: RequestContext) =>
      answerAfterFlush(journal, engine.getOrderState(account(c), p)),
    "private/get_open_orders_by_instrument": (p: Params, c: RequestContext) =>
      answerAfterFlush(journal, engine.getOpenOrdersByInstrument(account(c), p)),
    "private/get_position": (p: Params, c: RequestContext) =>
      answerAfterFlush(journal, engine.getPosition(account(c), p)),
    "private/get_positions": (p: Params, c: RequestContext) =>
      answerAfterFlush(journal, engine.getPositions(account(c), p)),
    "private/get_account_summary": (p: Params, c: RequestContext) =>
      answerAfterFlush(journal, engine.getAccountSummary(account(c), p)),
    "private/get_account_summaries": (_p: Params, c: RequestContext) =>
      answerAfterFlush(journal, engine.getAccountSummaries(account(c))),
  };
}
