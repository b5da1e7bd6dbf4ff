import type { EdgeResult, Engine, Params } from "@unwind/engine";
import {
  cancel,
  closePosition,
  getAccountSummaries,
  getAccountSummary,
  getCurrencies,
  getInstruments,
  getOpenOrdersByInstrument,
  getOrderBook,
  getOrderState,
  getPosition,
  getPositions,
  placeOrder,
} from "@unwind/engine";
import {
  type Handlers,
  InternalError,
  type RequestContext,
  transportHandlers,
} from "@unwind/server";
import type { ReferenceAuth } from "../auth/ReferenceAuth.js";
import type { Journal } from "../journal/Journal.js";
import { answerAfterFlush } from "./answer.js";

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

/** Generated params types have no index signature; the engine's edge reads any by-name params. */
const wire = (params: object) => params as Params;

/**
 * The engine types currency fields as `string`; the spec's `CurrencyCode` is an enum. Instruments
 * are checked against that enum when loaded (`checkCurrencies`), so these results conform.
 */
const spec = <T>(result: unknown) => result as T | Promise<T>;

/** The account id of the call's principal. */
export function account(context: RequestContext): number {
  // The dispatcher authorises private methods before calling them: a principal is always there.
  return context.principal!.accountId as number;
}

/**
 * The generated `Handlers` over the engine's wire edge. State-changing methods apply one command
 * (journaled by the engine) and answer after the journal's flush; so do reads, so that no answer
 * shows state that a crash could still lose. Engine rejections become the spec's error classes.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { engine, auth, journal, now, version } = deps;
  const flushed = <T>(out: EdgeResult<T>) => answerAfterFlush(journal, out);
  return {
    closePosition: (p, c) => spec(flushed(closePosition(engine, account(c), wire(p), now()))),
    auth: (p, c) => {
      const grant = auth.grant(p, c.remoteAddress);
      c.authenticateConnection(grant.principal);
      return grant.result;
    },
    test: (p) => {
      if (p.expected_result === "exception") throw new InternalError();
      return { version };
    },
    getTime: () => now(),
    // The heartbeat acts on the WebSocket connection: the server runtime's own.
    setHeartbeat: transportHandlers.setHeartbeat,
    disableHeartbeat: transportHandlers.disableHeartbeat,
    getCurrencies: () => spec(flushed(getCurrencies(engine))),
    getInstruments: (p) => spec(flushed(getInstruments(engine, wire(p)))),
    getOrderBook: (p) => flushed(getOrderBook(engine, wire(p), now())),
    buy: (p, c) => spec(flushed(placeOrder(engine, account(c), "buy", wire(p), now()))),
    sell: (p, c) => spec(flushed(placeOrder(engine, account(c), "sell", wire(p), now()))),
    cancel: (p, c) => flushed(cancel(engine, account(c), wire(p), now())),
    getOrderState: (p, c) => flushed(getOrderState(engine, account(c), wire(p))),
    getOpenOrdersByInstrument: (p, c) =>
      flushed(getOpenOrdersByInstrument(engine, account(c), wire(p))),
    getPosition: (p, c) => flushed(getPosition(engine, account(c), wire(p))),
    getPositions: (p, c) => flushed(getPositions(engine, account(c), wire(p))),
    getAccountSummary: (p, c) => spec(flushed(getAccountSummary(engine, account(c), wire(p)))),
    getAccountSummaries: (_p, c) => spec(flushed(getAccountSummaries(engine, account(c)))),
  };
}
