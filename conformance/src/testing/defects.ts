import type { Defect, Handler } from "./standIn/Defect.js";
import { fromEdge } from "./standIn/standInHandlers.js";

type Obj = Record<string, unknown>;

/** Applies `fn` to every object inside a value, depth first. */
function walk(value: unknown, fn: (o: Obj) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, fn);
  else if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) walk(v, fn);
    fn(value as Obj);
  }
}

const onResult = (method: string, fn: (o: Obj) => void) => (r: Obj, req: { method?: string }) => {
  if (req.method === method && "result" in r) walk(r["result"], fn);
  return r;
};

/** The taker's signed position size, read through the engine. */
const sizeOf: (p: Obj, c: Parameters<Handler>[1]) => number = (p, c) => {
  const pos = c.engine.getPosition(c.accountId, { instrument_name: p["instrument_name"] });
  return pos.ok ? Number((pos.result as Obj)["size"]) : 0;
};

/** close_position placing a plain order instead: `direction(size)` picks its side. */
const closeAs =
  (direction: (size: number) => "buy" | "sell", reduceOnly: boolean): Handler =>
  (p, c) => {
    const size = sizeOf(p, c);
    if (size === 0) return fromEdge(c.engine.closePosition(c.accountId, p, c.now));
    const params: Obj = {
      instrument_name: p["instrument_name"],
      amount: String(Math.abs(size)),
      type: "limit",
      reduce_only: reduceOnly,
    };
    params["price"] = p["price"] ?? "50000";
    return fromEdge(c.engine.placeOrder(c.accountId, direction(size), params, c.now));
  };

/**
 * Deliberately broken servers: the stand-in with one defect each. The suite's own tests run
 * each against the scenarios that should see it and require `caughtBy` to fail.
 */
export const defects: Defect[] = [
  {
    name: "wrong-id",
    description: "echoes a different id (number + 1, string + suffix)",
    caughtBy: "envelope-id",
    response: (r) => ({
      ...r,
      id:
        typeof r["id"] === "number"
          ? r["id"] + 1
          : typeof r["id"] === "string"
            ? `${r["id"]}x`
            : r["id"],
    }),
  },
  {
    name: "stringified-id",
    description: "echoes a number id as a string",
    caughtBy: "envelope-id",
    response: (r) => ({ ...r, id: typeof r["id"] === "number" ? String(r["id"]) : r["id"] }),
  },
  {
    name: "missing-usdiff",
    description: "leaves usDiff out of the envelope",
    caughtBy: "envelope-usdiff",
    response: ({ usDiff: _, ...r }) => r,
  },
  {
    name: "milliseconds",
    description: "usIn/usOut in milliseconds (13 digits) like the seed's example",
    caughtBy: "envelope-timestamps",
    response: (r) => {
      const usIn = Math.floor((r["usIn"] as number) / 1000);
      const usOut = Math.floor((r["usOut"] as number) / 1000);
      return { ...r, usIn, usOut, usDiff: usOut - usIn };
    },
  },
  {
    name: "jsonrpc-1",
    description: 'answers jsonrpc "1.0"',
    caughtBy: "envelope-jsonrpc",
    response: (r) => ({ ...r, jsonrpc: "1.0" }),
  },
  {
    name: "testnet-string",
    description: 'testnet as the string "true"',
    caughtBy: "envelope-testnet",
    response: (r) => ({ ...r, testnet: String(r["testnet"]) }),
  },
  {
    name: "order-id-number",
    description: "order_id as a JSON number in order results",
    caughtBy: "result-schema",
    scenarios: ["close-long-with-price", "schemas"],
    response: (r) => {
      walk(r["result"], (o) => {
        if (typeof o["order_id"] === "string") o["order_id"] = Number(o["order_id"]);
      });
      return r;
    },
  },
  {
    name: "private-open",
    description: "private methods answer without credentials",
    caughtBy: "auth-required",
    openPrivate: true,
  },
  {
    name: "any-secret",
    description: "public/auth accepts any secret for a known client_id",
    caughtBy: "auth-bad-secret",
    auth: { anySecret: true },
  },
  {
    name: "nonce-replay",
    description: "accepts a deri-hmac-sha256 (id, nonce) pair twice",
    caughtBy: "auth-http-hmac-replay",
    auth: { allowNonceReplay: true },
  },
  {
    name: "close-wrong-direction",
    description: "close_position trades in the position's own direction",
    caughtBy: "close-order-shape",
    scenarios: ["close-long-with-price"],
    handlers: { "private/close_position": closeAs((size) => (size > 0 ? "buy" : "sell"), false) },
  },
  {
    name: "close-not-reduce-only",
    description: "close_position places a plain (not reduce-only) order",
    caughtBy: "close-order-shape",
    scenarios: ["close-short-with-price"],
    handlers: { "private/close_position": closeAs((size) => (size > 0 ? "sell" : "buy"), false) },
  },
  {
    name: "close-worst-price",
    description:
      "close_position without a price takes the worst opposite price instead of the best",
    caughtBy: "close-price",
    scenarios: ["close-long-without-price"],
    handlers: {
      "private/close_position": (p, c) => {
        if (p["price"] !== undefined)
          return fromEdge(c.engine.closePosition(c.accountId, p, c.now));
        const book = c.engine.getOrderBook(
          { instrument_name: p["instrument_name"], depth: 100 },
          c.now,
        );
        const side = sizeOf(p, c) > 0 ? "bids" : "asks";
        const levels = book.ok ? ((book.result as Obj)[side] as [string, string][]) : [];
        const worst = levels.at(-1)?.[0];
        return fromEdge(
          c.engine.closePosition(
            c.accountId,
            worst === undefined ? p : { ...p, price: worst },
            c.now,
          ),
        );
      },
    },
  },
  {
    name: "close-immediate-or-cancel",
    description: "close_position cancels the unfilled rest instead of resting it",
    caughtBy: "close-partial-rests",
    handlers: {
      "private/close_position": (p, c) => {
        const out = c.engine.closePosition(c.accountId, p, c.now);
        if (!out.ok) return fromEdge(out);
        const order = (out.result as { order: Obj }).order;
        if (order["order_state"] === "open")
          c.engine.cancel(c.accountId, { order_id: order["order_id"] }, c.now);
        return fromEdge(out);
      },
    },
  },
  {
    name: "no-position-reason",
    description: "a flat close answers 11030 with data.reason no_position",
    caughtBy: "close-no-position",
    response: (r, req) => {
      const e = r["error"] as Obj | undefined;
      if (
        req.method === "private/close_position" &&
        e?.["code"] === 11030 &&
        (e["data"] as Obj)?.["reason"] === "no_open_position"
      ) {
        return { ...r, error: { ...e, data: { reason: "no_position" } } };
      }
      return r;
    },
  },
  {
    name: "replaced-never-set",
    description: "get_order_state never reports replaced: true",
    caughtBy: "reduce-only-shrinks",
    response: onResult("private/get_order_state", (o) => {
      if ("replaced" in o) o["replaced"] = false;
    }),
  },
  {
    name: "self-trade-reason",
    description: "a self-trade cancellation reports cancel_reason user_request",
    caughtBy: "self-trade-cancels-own",
    response: onResult("private/get_order_state", (o) => {
      if (o["cancel_reason"] === "self_trade") o["cancel_reason"] = "user_request";
    }),
  },
  {
    name: "order-state-leak",
    description: "get_order_state finds other accounts' orders",
    caughtBy: "isolation-get-order-state",
    handlers: {
      "private/get_order_state": (p, c) => {
        for (const account of [c.accountId, 1, 2]) {
          const r = c.engine.getOrderState(account, p);
          if (r.ok) return fromEdge(r);
        }
        return fromEdge(c.engine.getOrderState(c.accountId, p));
      },
    },
  },
  {
    name: "batch-accepted",
    description: "answers a batch with an array of responses",
    caughtBy: "protocol-batch",
    message: (text, next) => {
      const parsed = (() => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return undefined;
        }
      })();
      return Array.isArray(parsed) ? parsed.map((m) => next(JSON.stringify(m))) : next(text);
    },
  },
  {
    name: "notification-answered",
    description: "answers notifications (with id null)",
    caughtBy: "protocol-notification",
    message: (text, next) => {
      try {
        const m = JSON.parse(text) as Obj;
        if (m !== null && typeof m === "object" && !Array.isArray(m) && !("id" in m))
          return next(JSON.stringify({ ...m, id: null }));
      } catch {
        // Not JSON: answered as usual.
      }
      return next(text);
    },
  },
  {
    name: "invalid-params-no-data",
    description: "-32602 without data {param, reason}",
    caughtBy: "error-invalid-params-data",
    scenarios: ["invalid-params", "schemas"],
    response: (r) => {
      const e = r["error"] as Obj | undefined;
      if (e?.["code"] === -32602)
        return { ...r, error: { code: -32602, message: "Invalid params" } };
      return r;
    },
  },
  {
    name: "undeclared-error",
    description: "get_order_book of an unknown instrument answers 10004 (not declared there)",
    caughtBy: "error-declared",
    scenarios: ["public-methods", "schemas"],
    response: (r, req) => {
      const e = r["error"] as Obj | undefined;
      if (req.method === "public/get_order_book" && e?.["code"] === 10020)
        return { ...r, error: { code: 10004, message: "order_not_found" } };
      return r;
    },
  },
];
