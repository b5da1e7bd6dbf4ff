import type { EdgeResult, Engine, Params } from "@unwind/engine";
import {
  cancel,
  closePositionJson,
  getAccountSummaries,
  getAccountSummary,
  getCurrencies,
  getInstruments,
  getOpenOrdersByInstrument,
  getOrderBook,
  getOrderState,
  getPosition,
  getPositions,
  placeOrderJson,
} from "@unwind/engine";
import {
  InternalError,
  type MethodHandlers,
  type MethodTable,
  type RequestContext,
  RpcError,
  subscriptionMethods,
  transportHandlers,
} from "@unwind/server";
import type { ReferenceAuth } from "../auth/ReferenceAuth.js";
import type { Journal } from "../journal/Journal.js";
import type { ChannelFeed } from "../subscriptions/ChannelFeed.js";
import { afterFlush, settle, settleJson } from "./answer.js";
import { answerInOrder } from "./answerInOrder.js";
import { commandAnswerer } from "./commandAnswerer.js";

/** What the handlers work with. */
export interface HandlerDeps {
  readonly engine: Engine;
  readonly auth: ReferenceAuth;
  readonly journal: Journal;
  /** Milliseconds since the epoch: command timestamps and `public/get_time`. */
  readonly now: () => number;
  /** `public/test`'s version. */
  readonly version: string;
  /** Subscription notifications: published once their commands are durable, before the answer. */
  readonly feed?: ChannelFeed;
}

/**
 * The methods that answer without the journal: on a connection that listens, they wait for the
 * notifications of earlier commands (`answerInOrder`).
 */
const ANSWERED_WITHOUT_JOURNAL = [
  "public/auth",
  "public/test",
  "public/get_time",
  "public/set_heartbeat",
  "public/disable_heartbeat",
  ...Object.keys(subscriptionMethods),
];

/** Generated params types have no index signature; the engine's edge reads any by-name params. */
const wire = (params: object) => params as Params;

/**
 * The engine types currency fields as `string`; the spec's `CurrencyCode` is an enum. Instruments
 * are checked against that enum when loaded (`checkCurrencies`), so these results conform.
 */
const spec = <T>(answer: unknown) => answer as T;

/** The account id of the call's principal. */
export function account(context: RequestContext): number {
  // The dispatcher authorises private methods before calling them: a principal is always there.
  return context.principal!.accountId as number;
}

/**
 * The reference's handlers, one per method of the spec keyed by its JSON-RPC name, over the
 * engine's wire edge. State-changing methods apply one command (journaled by the engine) and
 * answer after the journal's flush; so do reads, so that no answer shows state that a crash could
 * still lose. An engine rejection is returned as the spec's error class, never thrown.
 * `private/buy`, `private/sell` and `private/close_position` answer the JSON text the engine
 * writes straight from the order and its trades (`rawJson`, byte for byte what `JSON.stringify`
 * prints for the wire result).
 *
 * @example
 * const handlers = createHandlers({ engine, auth, journal, now: Date.now, version: "1.0.0" });
 * await createServer({ handlers, auth });
 */
export function createHandlers(deps: HandlerDeps): MethodHandlers<MethodTable> {
  const { engine, auth, journal, now, version, feed } = deps;
  const publish = feed === undefined ? undefined : () => feed.publishPending();
  const answer = <T>(out: EdgeResult<T>) => afterFlush(journal, settle(out), publish);
  const command = commandAnswerer(journal, feed);
  const handlers: MethodHandlers<MethodTable> = {
    "private/close_position": (p, c) =>
      command(c, () => settleJson(closePositionJson(engine, account(c), wire(p), now()))),
    "public/auth": (p, c) => {
      const grant = auth.grant(p, c.remoteAddress);
      if (grant instanceof RpcError) return grant;
      c.authenticateConnection(grant.principal);
      return grant.result;
    },
    "public/test": (p) => (p.expected_result === "exception" ? new InternalError() : { version }),
    "public/get_time": () => now(),
    // The heartbeat acts on the WebSocket connection: the server runtime's own.
    "public/set_heartbeat": transportHandlers.setHeartbeat,
    "public/disable_heartbeat": transportHandlers.disableHeartbeat,
    // Subscriptions and cancel on disconnect act on the connection: the server runtime's own.
    ...subscriptionMethods,
    "public/get_currencies": () => spec(answer(getCurrencies(engine))),
    "public/get_instruments": (p) => spec(answer(getInstruments(engine, wire(p)))),
    "public/get_order_book": (p) => answer(getOrderBook(engine, wire(p), now())),
    "private/buy": (p, c) =>
      command(c, () => settleJson(placeOrderJson(engine, account(c), "buy", wire(p), now()))),
    "private/sell": (p, c) =>
      command(c, () => settleJson(placeOrderJson(engine, account(c), "sell", wire(p), now()))),
    // Orders: the engine's cancel reasons include `cancel_on_disconnect`, which the spec's enum
    // gains with subscriptions (issue 14); typed through `spec` until every side has it.
    "private/cancel": (p, c) =>
      spec(command(c, () => settle(cancel(engine, account(c), wire(p), now())))),
    "private/get_order_state": (p, c) => spec(answer(getOrderState(engine, account(c), wire(p)))),
    "private/get_open_orders_by_instrument": (p, c) =>
      spec(answer(getOpenOrdersByInstrument(engine, account(c), wire(p)))),
    "private/get_position": (p, c) => answer(getPosition(engine, account(c), wire(p))),
    "private/get_positions": (p, c) => answer(getPositions(engine, account(c), wire(p))),
    "private/get_account_summary": (p, c) =>
      spec(answer(getAccountSummary(engine, account(c), wire(p)))),
    "private/get_account_summaries": (_p, c) =>
      spec(answer(getAccountSummaries(engine, account(c)))),
  };
  const inOrder = answerInOrder(journal, feed);
  const table = handlers as unknown as Record<
    string,
    (params: never, context: RequestContext) => unknown
  >;
  for (const name of ANSWERED_WITHOUT_JOURNAL) table[name] = inOrder(table[name]!);
  return handlers;
}
