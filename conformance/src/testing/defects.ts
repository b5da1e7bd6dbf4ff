import { getOpenOrdersByInstrument, getOrderState } from "@unwind/engine";
import type { ReferenceHandlers, WrapContext } from "@unwind/reference";
import { loadAccountsFile } from "@unwind/reference";
import type { ServerAuth } from "@unwind/server";
import { createSpecView } from "../spec/SpecView.js";
import { moreDefects } from "./moreDefects.js";
import { signatureRefusalIgnored } from "./signatureRefusalIgnored.js";
import { subscriptionDefects } from "./subscriptionDefects.js";
import {
  editResults,
  ordersIn,
  plain,
  rejected,
  reweightAverageOnReduce,
  rewriteResults,
  scrambledOrderIds,
  walkObjects,
} from "./tradingDefectKit.js";
import { truncatingWriter } from "./truncatingWriter.js";
import type { Defect } from "./WireDefect.js";

type Obj = Record<string, any>;
type Handler = ReferenceHandlers[string];
type Wrapper = (original: Handler, all: ReferenceHandlers, context: WrapContext) => Handler;

/** Replaces one handler of the reference, given the original and all the others. */
const replace =
  (method: string, wrapper: Wrapper) =>
  (handlers: ReferenceHandlers, context: WrapContext): ReferenceHandlers => ({
    ...handlers,
    [method]: wrapper(handlers[method]!, handlers, context),
  });

/** Answers a handler's rejection after `fn` edits it. */
const onError = (method: string, fn: (e: Obj) => void) =>
  replace(method, (original) => async (p, c) => {
    const answer = await original(p, c);
    if (rejected(answer)) fn(answer as Obj);
    return answer;
  });

/** The caller's signed position size, or the reference's rejection (an unknown instrument). */
async function sizeOf(all: ReferenceHandlers, p: Obj, c: unknown): Promise<number | Obj> {
  const pos = (await all["private/get_position"]!(
    { instrument_name: p["instrument_name"] },
    c as never,
  )) as Obj;
  return rejected(pos) ? pos : Number(pos["size"]);
}

/** close_position placing a plain order instead, on the side `direction` picks. */
const closeAs = (direction: (size: number) => "buy" | "sell") =>
  replace("private/close_position", (original, all) => async (p, c) => {
    const size = await sizeOf(all, p, c);
    if (typeof size !== "number") return size;
    if (size === 0) return original(p, c);
    const params = {
      instrument_name: p["instrument_name"],
      amount: String(Math.abs(size)),
      type: "limit",
      price: p["price"] ?? "50000",
    };
    return all[`private/${direction(size)}`]!(params, c);
  });

const spec = createSpecView();
const secrets = new Map(loadAccountsFile().keys.map((k) => [k.clientId, k.clientSecret]));

/** Rewrites the envelope of every answer. */
const envelope = (fn: (r: Obj) => Obj) => (r: Obj) => fn({ ...r });

/**
 * Deliberately broken servers: the reference with one defect each, in a handler or on the
 * wire. The suite's own tests run each against the scenarios that should see it and require
 * `caughtBy` to fail.
 */
export const defects: Defect[] = [
  {
    name: "wrong-id",
    description: "echoes a different id (number + 1, string + suffix)",
    caughtBy: "envelope-id",
    response: envelope((r) => ({
      ...r,
      id:
        typeof r["id"] === "number"
          ? r["id"] + 1
          : typeof r["id"] === "string"
            ? `${r["id"]}x`
            : r["id"],
    })),
  },
  {
    name: "no-body-limit",
    description: "accepts request bodies four times larger than the limit it declares",
    caughtBy: "http-body-too-large",
    limits: { maxBodyBytes: 4 * 1024 * 1024 },
  },
  {
    name: "rounded-id",
    description:
      "echoes a number id beyond 2^53 as JSON.parse rounded it (the proxy prints it again)",
    caughtBy: "envelope-id",
    response: (r) => r,
  },
  {
    name: "stringified-id",
    description: "echoes a number id as a string",
    caughtBy: "envelope-id",
    response: envelope((r) => ({
      ...r,
      id: typeof r["id"] === "number" ? String(r["id"]) : r["id"],
    })),
  },
  {
    name: "missing-usdiff",
    description: "leaves usDiff out of the envelope",
    caughtBy: "envelope-usdiff",
    response: envelope(({ usDiff: _, ...r }) => r),
  },
  {
    name: "milliseconds",
    description: "usIn/usOut in milliseconds (13 digits), like the seed's example",
    caughtBy: "envelope-timestamps",
    response: envelope((r) => {
      const usIn = Math.floor(r["usIn"] / 1000);
      const usOut = Math.floor(r["usOut"] / 1000);
      return { ...r, usIn, usOut, usDiff: usOut - usIn };
    }),
  },
  {
    name: "jsonrpc-1",
    description: 'answers jsonrpc "1.0"',
    caughtBy: "envelope-jsonrpc",
    response: envelope((r) => ({ ...r, jsonrpc: "1.0" })),
  },
  {
    name: "testnet-string",
    description: "testnet as a string",
    caughtBy: "envelope-testnet",
    response: envelope((r) => ({ ...r, testnet: String(r["testnet"]) })),
  },
  {
    name: "invalid-params-no-data",
    description: "-32602 without data {param, reason}",
    caughtBy: "error-invalid-params-data",
    scenarios: ["invalid-params", "schemas"],
    response: (r) =>
      (r["error"] as Obj | undefined)?.["code"] === -32602
        ? { ...r, error: { code: -32602, message: "Invalid params" } }
        : r,
  },
  {
    name: "batch-accepted",
    description: "answers a batch with an array of answers",
    caughtBy: "protocol-batch",
    message: async (text, next) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return next(text);
      }
      return Array.isArray(parsed)
        ? Promise.all(parsed.map((m) => next(JSON.stringify(m))))
        : next(text);
    },
  },
  {
    name: "notification-answered",
    description: "answers notifications (as if their id were null)",
    caughtBy: "protocol-notification",
    request: (text) => {
      try {
        const m = JSON.parse(text) as Obj;
        if (m !== null && typeof m === "object" && !Array.isArray(m) && !("id" in m))
          return JSON.stringify({ ...m, id: null });
      } catch {
        // Not JSON: forwarded as it is.
      }
      return text;
    },
  },
  {
    name: "private-open",
    description: "private methods answer without credentials (as the maker)",
    caughtBy: "auth-required",
    request: (text, connection) => {
      try {
        const m = JSON.parse(text) as Obj;
        const method = spec.method(String(m["method"]));
        const params = (m["params"] ?? {}) as Obj;
        if (
          method?.["x-auth"]?.private &&
          !connection.authenticated &&
          !("access_token" in params)
        ) {
          return JSON.stringify({
            ...m,
            params: { ...params, access_token: connection.makerToken },
          });
        }
      } catch {
        // Not JSON: forwarded as it is.
      }
      return text;
    },
  },
  {
    name: "order-id-number",
    description: "order_id as a JSON number in every order",
    caughtBy: "result-schema",
    scenarios: ["close-long-with-price", "schemas"],
    wrapHandlers: editResults(
      ["private/buy", "private/sell", "private/close_position", "private/get_order_state"],
      (o) => {
        if (typeof o["order_id"] === "string") o["order_id"] = Number(o["order_id"]);
      },
    ),
  },
  {
    name: "any-secret",
    description: "public/auth accepts any secret for a known client_id",
    caughtBy: "auth-bad-secret",
    wrapHandlers: replace(
      "public/auth",
      (original) => (p, c) =>
        original(
          p["grant_type"] === "client_credentials" && secrets.has(p["client_id"])
            ? { ...p, client_secret: secrets.get(p["client_id"]) }
            : p,
          c,
        ),
    ),
  },
  {
    name: "nonce-replay",
    description: "accepts a deri-hmac-sha256 (id, nonce) pair twice",
    caughtBy: "auth-http-hmac-replay",
    wrapHandlers: (handlers, { auth }) => {
      const original = auth.authenticate.bind(auth);
      auth.authenticate = (credentials) => {
        const out = original(credentials);
        if (
          credentials.scheme === "deri-hmac-sha256" &&
          out instanceof Error &&
          /nonce/.test(JSON.stringify((out as Obj)["data"]))
        ) {
          return original({
            scheme: "basic",
            clientId: credentials.id,
            clientSecret: secrets.get(credentials.id) ?? "",
          });
        }
        return out;
      };
      return handlers;
    },
  },
  {
    name: "close-wrong-direction",
    description: "close_position trades in the position's own direction",
    caughtBy: "close-order-shape",
    scenarios: ["close-long-with-price"],
    wrapHandlers: closeAs((size) => (size > 0 ? "buy" : "sell")),
  },
  {
    name: "close-not-reduce-only",
    description: "close_position places a plain order, not reduce-only",
    caughtBy: "close-order-shape",
    scenarios: ["close-short-with-price"],
    wrapHandlers: closeAs((size) => (size > 0 ? "sell" : "buy")),
  },
  {
    name: "close-worst-price",
    description: "close_position without a price takes the worst opposite price, not the best",
    caughtBy: "close-price",
    scenarios: ["close-long-without-price"],
    wrapHandlers: replace("private/close_position", (original, all) => async (p, c) => {
      if (p["price"] !== undefined) return original(p, c);
      const book = (await all["public/get_order_book"]!(
        { instrument_name: p["instrument_name"], depth: 1000 },
        c,
      )) as Obj;
      if (rejected(book)) return book;
      const size = await sizeOf(all, p, c);
      if (typeof size !== "number") return size;
      const side = size > 0 ? "bids" : "asks";
      const worst = (book[side] as [string, string][]).at(-1)?.[0];
      return original(worst === undefined ? p : { ...p, price: worst }, c);
    }),
  },
  {
    name: "close-immediate-or-cancel",
    description: "close_position cancels the unfilled rest instead of resting it",
    caughtBy: "close-partial-rests",
    wrapHandlers: replace("private/close_position", (original, all) => async (p, c) => {
      const answer = await original(p, c);
      if (rejected(answer)) return answer;
      const result = plain(answer) as { order: Obj };
      if (result.order["order_state"] === "open")
        await all["private/cancel"]!({ order_id: result.order["order_id"] }, c);
      return result;
    }),
  },
  {
    name: "close-rounds-off-tick",
    description: "close_position rounds a price off the tick grid down instead of refusing it",
    caughtBy: "close-price-wrong-tick",
    wrapHandlers: replace(
      "private/close_position",
      (original) => (p, c) =>
        original(
          typeof p["price"] === "string" && p["price"].includes(".")
            ? { ...p, price: p["price"].split(".")[0] }
            : p,
          c,
        ),
    ),
  },
  {
    name: "close-no-liquidity-guess",
    description:
      "close_position without a price and an empty book places the order at a made-up price",
    caughtBy: "close-no-liquidity",
    wrapHandlers: replace("private/close_position", (original) => async (p, c) => {
      const answer = await original(p, c);
      if (rejected(answer) && (answer as Obj)["data"]?.["reason"] === "no_liquidity")
        return original({ ...p, price: "50000" }, c);
      return answer;
    }),
  },
  {
    name: "no-position-reason",
    description: "a flat close answers 11030 with data.reason no_position",
    caughtBy: "close-no-position",
    wrapHandlers: onError("private/close_position", (e) => {
      if (e["code"] === 11030 && e["data"]?.["reason"] === "no_open_position")
        e["data"] = { reason: "no_position" };
    }),
  },
  {
    name: "flat-direction-buy",
    description: "a flat position reads direction buy instead of zero",
    caughtBy: "close-position-flat",
    scenarios: ["close-long-with-price"],
    wrapHandlers: editResults(["private/get_position"], (o) => {
      if (o["size"] === "0") o["direction"] = "buy";
    }),
  },
  {
    name: "replaced-never-set",
    description: "get_order_state never reports replaced: true",
    caughtBy: "reduce-only-shrinks",
    wrapHandlers: editResults(["private/get_order_state"], (o) => {
      if ("replaced" in o) o["replaced"] = false;
    }),
  },
  {
    name: "self-trade-reason",
    description: "a self-trade cancellation reports cancel_reason user_request",
    caughtBy: "self-trade-cancels-own",
    wrapHandlers: editResults(["private/get_order_state"], (o) => {
      if (o["cancel_reason"] === "self_trade") o["cancel_reason"] = "user_request";
    }),
  },
  {
    name: "order-state-leak",
    description: "get_order_state finds other accounts' orders",
    caughtBy: "isolation-get-order-state",
    wrapHandlers: replace(
      "private/get_order_state",
      (original, _all, { engine }) =>
        async (p, c) => {
          const answer = await original(p, c);
          if (!rejected(answer)) return answer;
          for (const account of engine.accounts.list()) {
            const found = getOrderState(engine, account.id, p);
            if (found.ok) return found.result;
          }
          return answer;
        },
    ),
  },
  {
    name: "undeclared-error",
    description: "get_order_book of an unknown instrument answers 10004, which it does not declare",
    caughtBy: "error-declared",
    scenarios: ["public-methods", "schemas"],
    wrapHandlers: onError("public/get_order_book", (e) => {
      if (e["code"] === 10020) Object.assign(e, { code: 10004, message: "order_not_found" });
    }),
  },
  {
    name: "lenient-decimals",
    description: 'reads malformed decimal params ("1e5", " 1") as numbers instead of refusing them',
    caughtBy: "property-invalid-params",
    scenarios: ["property-based"],
    request: (text) => {
      try {
        const m = JSON.parse(text) as Obj;
        const p = m["params"] as Obj | undefined;
        for (const key of ["price", "amount"]) {
          const v = p?.[key];
          if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)))
            p![key] = Number(v);
        }
        return JSON.stringify(m);
      } catch {
        return text;
      }
    },
  },
  {
    name: "tokens-never-expire",
    description:
      "access tokens never expire: public/auth answers expires_in as asked (scope expires:1) but the token keeps working",
    caughtBy: "auth-expired-token",
    wrapHandlers: (handlers, { auth }) => {
      const resolve = auth.tokens.resolve.bind(auth.tokens);
      // The clock stands still for access tokens: none is ever past its expiry.
      auth.tokens.resolve = (token) => resolve(token, 0);
      const grant = auth.grant.bind(auth);
      auth.grant = (params) => {
        const granted = grant(params);
        if (granted instanceof Error) return granted;
        const { expiresAt: _, ...principal } = granted.principal;
        return { ...granted, principal };
      };
      const authenticate = auth.authenticate.bind(auth);
      auth.authenticate = (credentials) => {
        const out = authenticate(credentials);
        if (out instanceof Error || !("accountId" in out)) return out;
        const { expiresAt: _, ...principal } = out;
        return principal;
      };
      return handlers;
    },
  },
  {
    name: "any-content-type",
    description: "POST /api/v2 serves any Content-Type (text/plain too) instead of answering 415",
    caughtBy: "http-unsupported-media-type",
    headers: (headers) => ({ ...headers, "content-type": "application/json" }),
  },
  {
    name: "expired-refused",
    description: "get_instruments refuses expired: true with -32602",
    caughtBy: "property-valid-params",
    scenarios: ["property-based"],
    wrapHandlers: replace("public/get_instruments", (original) => (p, c) => {
      if (p["expired"] === true)
        throw Object.assign(new Error("Invalid params"), {
          code: -32602,
          data: { param: "expired", reason: "not supported" },
        });
      return original(p, c);
    }),
  },
  // --- conf-auth ---
  {
    name: "ws-binary-frames",
    description: "answers WebSocket requests in binary frames",
    caughtBy: "ws-text-frames",
    wsWriter: (send) => (text) => send(text, { binary: true }),
  },
  {
    name: "ws-duplicate-answers",
    description: "sends every WebSocket answer twice",
    caughtBy: "ws-answer-once",
    wsWriter: (send) => (text) => {
      send(text);
      send(text);
    },
  },
  {
    name: "ws-late-answer",
    description:
      "holds a WebSocket public/get_time answer back until the next answer of the connection, after the client's timeout",
    caughtBy: "ws-answer-once",
    wsWriter: (send) => {
      let held: string | undefined;
      return (text, request) => {
        if (request.method === "public/get_time" && held === undefined) {
          held = text;
          return;
        }
        if (held !== undefined) send(held);
        held = undefined;
        send(text);
      };
    },
  },
  {
    name: "http-truncated-answer",
    description:
      "writes HTTP answers through a fixed 8 KiB buffer and closes the connection when it is full",
    caughtBy: "http-large-answer",
    httpWriter: truncatingWriter(8192),
  },
  {
    name: "get-ignores-authorization",
    description:
      "reads the Authorization header of POST requests only, not of GET /api/v2/{method}",
    caughtBy: "http-get-private-auth",
    http: (request) => {
      if (request.httpMethod !== "GET") return request;
      const { authorization: _, ...headers } = request.headers;
      return { ...request, headers };
    },
  },
  {
    name: "post-method-ignores-body",
    description:
      "serves POST /api/v2/{method} like GET: params from the query string, body ignored",
    caughtBy: "http-post-method-body",
    http: (request) =>
      request.httpMethod === "POST" && request.url.startsWith("/api/v2/")
        ? { ...request, body: "" }
        : request,
  },
  {
    name: "read-method-open",
    description:
      "private/get_account_summaries is served without credentials (as the maker): its route was left out of the private list",
    caughtBy: "auth-required-every-method",
    request: (text, connection) => {
      try {
        const m = JSON.parse(text) as Obj;
        const params = (m["params"] ?? {}) as Obj;
        if (
          m["method"] === "private/get_account_summaries" &&
          !connection.authenticated &&
          !("access_token" in params)
        ) {
          return JSON.stringify({
            ...m,
            params: { ...params, access_token: connection.makerToken },
          });
        }
      } catch {
        // Not JSON: forwarded as it is.
      }
      return text;
    },
  },
  {
    name: "read-token-cancels",
    description:
      "a trade:read token may call private/cancel (its scope table lists cancel as a read)",
    caughtBy: "auth-scope-every-method",
    wrapHandlers: (handlers, { auth }) => {
      // The dispatcher calls the hook with the method too (ServerAuth); the reference ignores it.
      const hook = auth as ServerAuth;
      const authenticate = hook.authenticate.bind(auth);
      hook.authenticate = (credentials, method) => {
        const out = authenticate(credentials, method);
        if (out instanceof Promise || out instanceof Error || method.name !== "private/cancel")
          return out;
        return { ...out, scopes: [...out.scopes, "trade:read_write"] };
      };
      return handlers;
    },
  },
  {
    name: "client-signature-stale-timestamp",
    description: "public/auth client_signature does not check the timestamp window",
    caughtBy: "auth-client-signature-window",
    wrapHandlers: signatureRefusalIgnored(/timestamp/),
  },
  {
    name: "client-signature-nonce-replay",
    description: "public/auth client_signature accepts a (client_id, nonce) pair again",
    caughtBy: "auth-client-signature-nonce",
    wrapHandlers: signatureRefusalIgnored(/nonce/),
  },
  {
    name: "refresh-token-reusable",
    description: "a refresh token keeps working after its first use",
    caughtBy: "auth-refresh-single-use",
    wrapHandlers: (handlers, { auth }) => {
      const used = new Map<string, { clientId: string; accountId: number; scope: string }>();
      const refresh = auth.tokens.refresh.bind(auth.tokens);
      auth.tokens.refresh = (token, now) => {
        const out = refresh(token, now);
        if (out !== undefined && out !== "expired") {
          const grant = auth.tokens.resolve(out.access_token, now) as Obj;
          used.set(token, {
            clientId: grant["clientId"],
            accountId: grant["accountId"],
            scope: grant["scope"],
          });
          return out;
        }
        const again = used.get(token);
        if (again === undefined) return out;
        return auth.tokens.issue(again.clientId, again.accountId, again.scope, now);
      };
      return handlers;
    },
  },
  {
    name: "hmac-fixed-field-order",
    description: "reads the deri-hmac-sha256 fields by position (id, ts, nonce, sig), not by name",
    caughtBy: "auth-http-hmac-field-order",
    headers: (headers) => {
      const value = headers["authorization"];
      const match = value === undefined ? null : /^deri-hmac-sha256 (.*)$/i.exec(value);
      if (match === null) return headers;
      const values = match[1]!.split(",").map((f) => f.slice(f.indexOf("=") + 1));
      const [id, ts, nonce, sig] = values;
      return {
        ...headers,
        authorization: `deri-hmac-sha256 id=${id},ts=${ts},nonce=${nonce},sig=${sig}`,
      };
    },
  },
  // --- conf-trading ---
  {
    name: "average-reweighted-on-reduce",
    description:
      "the position's average_price is re-weighted by reducing fills too, not only by growing ones",
    caughtBy: "position-average-price",
    wrapHandlers: (handlers, { engine }) => {
      reweightAverageOnReduce(engine);
      return handlers;
    },
  },
  {
    name: "realized-pnl-wrong-sign",
    description:
      "realized_profit_loss books (average_price - p) * q closing a long (and the mirror for a short)",
    caughtBy: "position-realized-pnl",
    wrapHandlers: rewriteResults(["private/get_position", "private/get_positions"], (r) => {
      walkObjects(r, (o) => {
        const v = o["realized_profit_loss"];
        if (typeof v === "string" && v !== "0")
          o["realized_profit_loss"] = v.startsWith("-") ? v.slice(1) : `-${v}`;
      });
      return r;
    }),
  },
  {
    name: "unsigned-size",
    description: "a position's size is its absolute value (direction alone tells a short)",
    caughtBy: "position-signed-sizes",
    wrapHandlers: rewriteResults(["private/get_position", "private/get_positions"], (r) => {
      walkObjects(r, (o) => {
        if (typeof o["size"] === "string") o["size"] = o["size"].replace(/^-/, "");
      });
      return r;
    }),
  },
  {
    name: "unknown-instrument-flat",
    description: "get_position of an instrument it does not list answers a flat position",
    caughtBy: "position-unknown-instrument",
    wrapHandlers: replace("private/get_position", (original) => async (p, c) => {
      const answer = await original(p, c);
      if (!rejected(answer) || answer.code !== 10020) return answer;
      const flat = (await original({ ...p, instrument_name: "BTC-PERPETUAL" }, c)) as Obj;
      return { ...flat, instrument_name: p["instrument_name"], size: "0", direction: "zero" };
    }),
  },
  {
    name: "close-ignores-own-orders",
    description:
      "close_position without a price takes the best opposite price among other accounts' orders only",
    caughtBy: "close-price-own-orders",
    wrapHandlers: replace("private/close_position", (original, all) => async (p, c) => {
      if (p["price"] !== undefined) return original(p, c);
      const inst = { instrument_name: p["instrument_name"] };
      const size = await sizeOf(all, p, c);
      if (typeof size !== "number") return size;
      const side = size > 0 ? "bids" : "asks";
      const book = (await all["public/get_order_book"]!({ ...inst, depth: 10000 }, c)) as Obj;
      if (rejected(book)) return book;
      const own = (await all["private/get_open_orders_by_instrument"]!(inst, c)) as Obj[];
      if (rejected(own)) return own;
      const mine = (price: string) =>
        own
          .filter((o) => Number(o["price"]) === Number(price))
          .reduce((sum, o) => sum + Number(o["amount"]) - Number(o["filled_amount"]), 0);
      const best = (book[side] as [string, string][]).find(
        ([price, amount]) => Number(amount) > mine(price),
      );
      return original(best === undefined ? p : { ...p, price: best[0] }, c);
    }),
  },
  {
    name: "close-first-trade-only",
    description: "close_position returns only the first trade of a fill through several levels",
    caughtBy: "close-trades-every-level",
    wrapHandlers: rewriteResults(["private/close_position"], (r) => ({
      ...r,
      trades: r.trades.slice(0, 1),
    })),
  },
  {
    name: "close-trades-at-limit",
    description: "close_position reports every trade at the closing order's limit price",
    caughtBy: "close-trades-every-level",
    wrapHandlers: rewriteResults(["private/close_position"], (r) => ({
      ...r,
      trades: r.trades.map((t: Obj) => ({ ...t, price: r.order.price })),
    })),
  },
  {
    name: "close-answer-before-matching",
    description:
      "close_position answers its order as placed, before matching (nothing filled), while get_order_state shows the fills",
    caughtBy: "close-answer-matches-state",
    wrapHandlers: rewriteResults(["private/close_position"], (r) => ({
      ...r,
      order: { ...r.order, order_state: "open", filled_amount: "0", average_price: "0" },
    })),
  },
  {
    name: "open-orders-stale-amount",
    description:
      "get_open_orders_by_instrument lists each order with the amount it was placed with, not the amount a reduce-only cut left",
    caughtBy: "reduce-only-open-orders",
    wrapHandlers: (handlers) => {
      const placed = new Map<string, unknown>();
      const remember = rewriteResults(
        ["private/buy", "private/sell", "private/close_position"],
        (r) => {
          for (const o of ordersIn(r))
            if (!placed.has(o["order_id"])) placed.set(o["order_id"], o["amount"]);
          return r;
        },
      )(handlers);
      return rewriteResults(["private/get_open_orders_by_instrument"], (r) => {
        for (const o of ordersIn(r))
          if (placed.has(o["order_id"])) o["amount"] = placed.get(o["order_id"]);
        return r;
      })(remember);
    },
  },
  {
    name: "open-orders-leak",
    description:
      "get_open_orders_by_instrument lists every account's open orders in the instrument",
    caughtBy: "isolation-open-orders",
    wrapHandlers: replace(
      "private/get_open_orders_by_instrument",
      (original, _all, { engine }) =>
        async (p, c) => {
          const answer = await original(p, c);
          if (rejected(answer)) return answer;
          const all: Obj[] = [];
          for (const account of engine.accounts.list()) {
            const found = getOpenOrdersByInstrument(engine, account.id, p);
            if (found.ok) all.push(...(found.result as Obj[]));
          }
          return all.sort((a, b) => (BigInt(a["order_id"]) < BigInt(b["order_id"]) ? -1 : 1));
        },
    ),
  },
  {
    name: "book-unsorted",
    description: "get_order_book lists the bids from the lowest price up, like the asks",
    caughtBy: "book-sorted",
    wrapHandlers: rewriteResults(["public/get_order_book"], (r) => ({
      ...r,
      bids: [...r.bids].reverse(),
    })),
  },
  {
    name: "book-depth-ignored",
    description: "get_order_book ignores depth and always answers its default 20 levels",
    caughtBy: "book-depth",
    wrapHandlers: replace("public/get_order_book", (original) => (p, c) => {
      const { depth: _, ...rest } = p;
      return original(rest, c);
    }),
  },
  {
    name: "cancel-filled-not-found",
    description:
      "cancel looks its order up among the resting ones only: a filled or cancelled order answers 10004",
    caughtBy: "cancel-not-open",
    wrapHandlers: onError("private/cancel", (e) => {
      if (e["code"] === 11044) Object.assign(e, { code: 10004, message: "order_not_found" });
    }),
  },
  {
    name: "reduce-only-unchecked",
    description:
      "reduce_only is not checked when an order is placed: one that would open or grow a position is placed as a plain order",
    caughtBy: "reduce-only-rejected",
    wrapHandlers: (handlers) => {
      const out = { ...handlers };
      for (const m of ["private/buy", "private/sell"]) {
        out[m] = async (p, c) => {
          const answer = await handlers[m]!(p, c);
          if (!rejected(answer) || (answer as Obj)["data"]?.["reason"] !== "reduce_only")
            return answer;
          return handlers[m]!({ ...p, reduce_only: false }, c);
        };
      }
      return out;
    },
  },
  {
    name: "reduce-only-uncut",
    description:
      "a reduce-only order larger than the position reports the amount asked for (replaced false), not the cut one",
    caughtBy: "reduce-only-cut",
    wrapHandlers: (handlers) => {
      const asked = new Map<string, unknown>();
      const placed = rewriteResults(["private/buy", "private/sell"], (r, p) => {
        for (const o of ordersIn(r)) {
          if (o["reduce_only"] === true && o["replaced"] === true)
            asked.set(o["order_id"], p["amount"]);
        }
        return r;
      })(handlers);
      return rewriteResults(
        [
          "private/buy",
          "private/sell",
          "private/get_order_state",
          "private/get_open_orders_by_instrument",
        ],
        (r) => {
          for (const o of ordersIn(r)) {
            if (asked.has(o["order_id"]))
              Object.assign(o, { amount: asked.get(o["order_id"]), replaced: false });
          }
          return r;
        },
      )(placed);
    },
  },
  {
    name: "order-id-scrambled",
    description: "order ids are a hash of the sequence: unique 18-digit numbers, but decreasing",
    caughtBy: "order-ids-increase",
    wrapHandlers: scrambledOrderIds,
  },
  {
    name: "dated-future-price-unchecked",
    description:
      "the tick rule is checked on perpetuals only: a dated future's off-tick price is rounded down to the tick",
    caughtBy: "instrument-price-tick",
    wrapHandlers: datedFutureRounding("price", "tick_size"),
  },
  {
    name: "dated-future-amount-unchecked",
    description:
      "the contract-size rule is checked on perpetuals only: a dated future's amount is rounded down to whole contracts",
    caughtBy: "instrument-contract-amount",
    wrapHandlers: datedFutureRounding("amount", "contract_size"),
  },
  ...subscriptionDefects,
  ...moreDefects,
];

/** buy and sell rounding `param` down to the instrument's `step` on dated futures (not perpetuals). */
function datedFutureRounding(param: string, step: string) {
  return (handlers: ReferenceHandlers): ReferenceHandlers => {
    const out = { ...handlers };
    for (const m of ["private/buy", "private/sell"]) {
      out[m] = async (p, c) => {
        const list = (await handlers["public/get_instruments"]!({}, c)) as Obj[];
        if (rejected(list)) return list;
        const inst = list.find((i) => i["instrument_name"] === p["instrument_name"]);
        const value = Number(p[param]);
        if (
          inst === undefined ||
          inst["settlement_period"] === "perpetual" ||
          !Number.isFinite(value)
        )
          return handlers[m]!(p, c);
        const unit = Number(inst[step]);
        return handlers[m]!({ ...p, [param]: String(Math.floor(value / unit) * unit) }, c);
      };
    }
    return out;
  };
}
