import type { ReferenceHandlers } from "@unwind/reference";
import { ordersIn, plain, rejected, rewriteResults } from "./tradingDefectKit.js";
import type { Defect } from "./WireDefect.js";

type Obj = Record<string, any>;

/** Every method whose result holds orders. */
const ORDER_METHODS = [
  "private/buy",
  "private/sell",
  "private/close_position",
  "private/cancel",
  "private/get_order_state",
  "private/get_open_orders_by_instrument",
];
const POSITION_METHODS = ["private/get_position", "private/get_positions"];
const TRADE_METHODS = ["private/buy", "private/sell", "private/close_position"];

/** Rewrites every order object of every result that holds orders. */
const everyOrder = (fn: (o: Obj) => void) =>
  rewriteResults(ORDER_METHODS, (r) => {
    for (const o of ordersIn(r)) fn(o);
    return r;
  });

/** Rewrites the trades a buy, sell or close answers (with the order they belong to). */
const everyTrade = (fn: (t: Obj, i: number, all: Obj[], order: Obj) => void) =>
  rewriteResults(TRADE_METHODS, (r) => {
    if (Array.isArray(r?.trades))
      for (const [i, t] of (r.trades as Obj[]).entries()) fn(t, i, r.trades, r.order);
    return r;
  });

/** Rewrites every position object of get_position and get_positions. */
const everyPosition = (fn: (p: Obj) => void) =>
  rewriteResults(POSITION_METHODS, (r) => {
    for (const p of Array.isArray(r) ? r : [r]) if (p && typeof p === "object") fn(p);
    return r;
  });

/**
 * Rewrites the orders close_position placed, wherever they show (its answer, get_order_state,
 * the open orders, cancel), so that every view of them agrees.
 */
const closeOrders =
  (fn: (o: Obj) => void) =>
  (handlers: ReferenceHandlers): ReferenceHandlers => {
    const ids = new Set<string>();
    const remember = rewriteResults(["private/close_position"], (r) => {
      if (typeof r?.order?.order_id === "string") ids.add(r.order.order_id);
      return r;
    })(handlers);
    return rewriteResults(ORDER_METHODS, (r) => {
      for (const o of ordersIn(r)) if (ids.has(o["order_id"])) fn(o);
      return r;
    })(remember);
  };

/** A JSON-RPC request text with `fn` applied to its params (other text as it came). */
const onParams = (fn: (method: string, params: Obj) => void) => (text: string) => {
  try {
    const m = JSON.parse(text) as Obj;
    if (m && typeof m === "object" && m["params"] && typeof m["params"] === "object") {
      fn(String(m["method"] ?? "").replace(/^\//, ""), m["params"]);
      return JSON.stringify(m);
    }
  } catch {
    // Not JSON: forwarded as it is.
  }
  return text;
};

/** -1, 0 or 1: the sign of a decimal string. */
const sign = (v: unknown) =>
  typeof v === "string" ? (v.startsWith("-") ? -1 : v === "0" ? 0 : 1) : 0;

/**
 * More deliberately broken servers, each a defect a real exchange team could ship: close order
 * fields, trade fields, order and position figures, listings, the book's summary fields, the
 * order of checks, scopes. Spread into `defects`.
 */
export const moreDefects: Defect[] = [
  {
    name: "close-order-labelled",
    description: 'close_position labels its order "close_position" instead of ""',
    caughtBy: "close-order-shape",
    scenarios: ["close-long-with-price"],
    wrapHandlers: (handlers) =>
      closeOrders((o) => {
        o["label"] = "close_position";
      })(
        rewriteResults(["private/close_position"], (r) => {
          for (const t of r.trades ?? []) t["label"] = "close_position";
          return r;
        })(handlers),
      ),
  },
  {
    name: "contracts-as-amount",
    description: "every order's contracts is its amount (not amount / contract_size)",
    caughtBy: "close-order-shape",
    scenarios: ["close-long-with-price"],
    wrapHandlers: everyOrder((o) => {
      if (typeof o["amount"] === "string") o["contracts"] = o["amount"];
    }),
  },
  {
    name: "average-price-is-limit",
    description:
      "an order with fills reports its limit price as average_price, not the fills' VWAP",
    caughtBy: "close-order-fill-figures",
    scenarios: ["close-multi-level"],
    wrapHandlers: everyOrder((o) => {
      if (typeof o["filled_amount"] === "string" && o["filled_amount"] !== "0")
        o["average_price"] = o["price"];
    }),
  },
  {
    name: "filled-amount-of-first-trade",
    description: "an order's filled_amount counts only its first trade at once",
    caughtBy: "close-order-fill-figures",
    scenarios: ["close-multi-level"],
    wrapHandlers: closeOrders((o) => {
      if (
        typeof o["filled_amount"] === "string" &&
        o["filled_amount"] !== "0" &&
        o["order_state"] === "open"
      )
        o["filled_amount"] = String(Number(o["amount"]) / 4);
    }),
  },
  {
    name: "trade-state-filled",
    description: "every trade reports state filled, whatever the order's state after it",
    caughtBy: "close-trade-fields",
    scenarios: ["close-multi-level"],
    wrapHandlers: everyTrade((t) => {
      t["state"] = "filled";
    }),
  },
  {
    name: "trade-liquidity-maker",
    description: "the taker's trades report liquidity M",
    caughtBy: "close-trade-fields",
    scenarios: ["close-multi-level"],
    wrapHandlers: everyTrade((t) => {
      t["liquidity"] = "M";
    }),
  },
  {
    name: "trade-order-id-off-by-one",
    description:
      "each trade names the order id before the caller's (the resting order's, as numbered)",
    caughtBy: "close-trade-fields",
    scenarios: ["close-multi-level"],
    wrapHandlers: everyTrade((t) => {
      if (typeof t["order_id"] === "string") t["order_id"] = String(BigInt(t["order_id"]) - 1n);
    }),
  },
  {
    name: "trade-seq-constant",
    description: "trade_seq is 1 on every trade",
    caughtBy: "close-trade-fields",
    scenarios: ["close-multi-level"],
    wrapHandlers: everyTrade((t) => {
      t["trade_seq"] = 1;
    }),
  },
  {
    name: "trade-ids-repeated",
    description: "every trade of one order carries the first trade's trade_id",
    caughtBy: "close-trade-fields",
    scenarios: ["close-multi-level"],
    wrapHandlers: everyTrade((t, _i, all) => {
      t["trade_id"] = all[0]!["trade_id"];
    }),
  },
  {
    name: "timestamps-in-seconds",
    description: "orders' and trades' timestamps are seconds since the epoch, not milliseconds",
    caughtBy: "close-timestamps",
    scenarios: ["close-long-with-price"],
    wrapHandlers: (handlers) =>
      everyOrder((o) => {
        for (const k of ["creation_timestamp", "last_update_timestamp"])
          if (typeof o[k] === "number") o[k] = Math.floor(o[k] / 1000);
      })(
        everyTrade((t) => {
          if (typeof t["timestamp"] === "number")
            t["timestamp"] = Math.floor(t["timestamp"] / 1000);
        })(handlers),
      ),
  },
  {
    name: "short-direction-buy",
    description: "an open position's direction is always buy (a short too)",
    caughtBy: "position-signed-sizes",
    wrapHandlers: everyPosition((p) => {
      if (sign(p["size"]) !== 0) p["direction"] = "buy";
    }),
  },
  {
    name: "size-currency-unsigned",
    description: "size_currency is unsigned (a short reads positive)",
    caughtBy: "position-signed-sizes",
    wrapHandlers: everyPosition((p) => {
      if (typeof p["size_currency"] === "string")
        p["size_currency"] = p["size_currency"].replace(/^-/, "");
    }),
  },
  {
    name: "total-pnl-floating-only",
    description: "total_profit_loss is the floating profit alone (realized left out)",
    caughtBy: "position-total-pnl",
    wrapHandlers: everyPosition((p) => {
      p["total_profit_loss"] = p["floating_profit_loss"];
    }),
  },
  {
    name: "positions-stale-cache",
    description:
      "get_positions answers what the account's previous get_positions call answered (a cache one call behind)",
    caughtBy: "position-signed-sizes",
    wrapHandlers: (handlers) => {
      const previous = new Map<unknown, unknown>();
      const original = handlers["private/get_positions"]!;
      return {
        ...handlers,
        "private/get_positions": async (p, c) => {
          const answer = await original(p, c);
          if (rejected(answer)) return answer;
          const key = `${String(c.principal?.accountId)} ${JSON.stringify(p)}`;
          const fresh = plain(answer);
          const stale = previous.get(key);
          previous.set(key, fresh);
          return stale ?? fresh;
        },
      };
    },
  },
  {
    name: "positions-omit-flat",
    description: "get_positions leaves flat instruments out",
    caughtBy: "positions-list",
    wrapHandlers: rewriteResults(["private/get_positions"], (r) =>
      Array.isArray(r) ? r.filter((p: Obj) => p["size"] !== "0") : r,
    ),
  },
  {
    name: "open-orders-keeps-closed",
    description:
      "get_open_orders_by_instrument lists the account's filled and cancelled orders too",
    caughtBy: "open-orders-listing",
    wrapHandlers: (handlers) => {
      const placed = new Map<string, Set<string>>();
      const who = (c: any) => String(c.principal?.accountId);
      const remember = rewriteResults(TRADE_METHODS, (r, _p, c) => {
        for (const o of ordersIn(r)) {
          const set = placed.get(who(c)) ?? new Set<string>();
          placed.set(who(c), set);
          set.add(o["order_id"]);
        }
        return r;
      })(handlers);
      return {
        ...remember,
        "private/get_open_orders_by_instrument": async (p, c) => {
          const answer = await handlers["private/get_open_orders_by_instrument"]!(p, c);
          if (rejected(answer)) return answer;
          const list = plain(answer) as Obj[];
          const listed = new Set(list.map((o) => o["order_id"]));
          for (const id of placed.get(who(c)) ?? []) {
            if (listed.has(id)) continue;
            const state = await handlers["private/get_order_state"]!({ order_id: id }, c);
            const o = rejected(state) ? undefined : (plain(state) as Obj);
            if (o && o["instrument_name"] === p["instrument_name"]) list.push(o);
          }
          return list.sort((a, b) => (BigInt(a["order_id"]) < BigInt(b["order_id"]) ? -1 : 1));
        },
      };
    },
  },
  {
    name: "open-orders-newest-first",
    description: "get_open_orders_by_instrument lists the newest order first",
    caughtBy: "open-orders-listing",
    wrapHandlers: rewriteResults(["private/get_open_orders_by_instrument"], (r) =>
      Array.isArray(r) ? [...r].reverse() : r,
    ),
  },
  {
    name: "open-orders-type-limit-empty",
    description:
      'get_open_orders_by_instrument with type "limit" lists nothing (a case-sensitive filter)',
    caughtBy: "open-orders-listing",
    wrapHandlers: rewriteResults(["private/get_open_orders_by_instrument"], (r, p) =>
      p["type"] === "limit" ? [] : r,
    ),
  },
  {
    name: "cancel-answers-order-before",
    description:
      "private/cancel answers the order as it was before the cancel (open, no cancel_reason)",
    caughtBy: "cancel-answer",
    wrapHandlers: rewriteResults(["private/cancel"], (r) => {
      const { cancel_reason: _, ...rest } = r as Obj;
      return { ...rest, order_state: "open" };
    }),
  },
  {
    name: "book-best-from-last-level",
    description:
      "get_order_book's best_bid_*/best_ask_* are read from the last level of each side, not the first",
    caughtBy: "book-best-prices",
    wrapHandlers: rewriteResults(["public/get_order_book"], (r) => {
      const last = (side: [string, string][]) => side.at(-1);
      const bid = last(r.bids);
      const ask = last(r.asks);
      return {
        ...r,
        best_bid_price: bid ? bid[0] : null,
        best_bid_amount: bid ? bid[1] : "0",
        best_ask_price: ask ? ask[0] : null,
        best_ask_amount: ask ? ask[1] : "0",
      };
    }),
  },
  {
    name: "book-change-id-frozen",
    description: "get_order_book's change_id never moves (always 1)",
    caughtBy: "book-change-id",
    wrapHandlers: rewriteResults(["public/get_order_book"], (r) => ({ ...r, change_id: 1 })),
  },
  {
    name: "params-before-credentials",
    description:
      "checks params before credentials: close_position with a bad type and no credentials answers -32602, not 10000",
    caughtBy: "auth-before-params",
    response: (r, request) => {
      const params = (request.params ?? {}) as Obj;
      const error = r["error"] as Obj | undefined;
      if (
        error?.["code"] === 10000 &&
        String(request.method).replace(/^\//, "") === "private/close_position" &&
        params["type"] !== "limit"
      ) {
        return {
          ...r,
          error: {
            code: -32602,
            message: "Invalid params",
            data: { param: "type", reason: "must be one of: limit" },
          },
        };
      }
      return r;
    },
  },
  {
    name: "scope-exceeded-without-data",
    description: "13403 scope_exceeded comes without data {reason, required_scope}",
    caughtBy: "error-scope-data",
    scenarios: ["authentication", "schemas"],
    response: (r) => {
      const error = r["error"] as Obj | undefined;
      return error?.["code"] === 13403
        ? { ...r, error: { code: 13403, message: "scope_exceeded" } }
        : r;
    },
  },
  {
    name: "refresh-escalates-scope",
    description: "a refresh_token grant issues trade:read_write tokens whatever the original scope",
    caughtBy: "auth-refresh-keeps-scope",
    wrapHandlers: (handlers, { auth }) => {
      const issue = auth.tokens.issue.bind(auth.tokens);
      const refresh = auth.tokens.refresh.bind(auth.tokens);
      let refreshing = false;
      auth.tokens.issue = (clientId, accountId, scope, now, ttl) =>
        issue(clientId, accountId, refreshing ? "trade:read_write" : scope, now, ttl);
      auth.tokens.refresh = (token, now) => {
        refreshing = true;
        try {
          return refresh(token, now);
        } finally {
          refreshing = false;
        }
      };
      return handlers;
    },
  },
  {
    name: "undeclared-params-refused",
    description: "a param the method does not declare answers -32602 instead of being ignored",
    caughtBy: "params-undeclared-ignored",
    wrapHandlers: (handlers) => {
      const out = { ...handlers };
      for (const m of ["public/get_order_book", "private/get_position", "private/close_position"]) {
        out[m] = (p, c) =>
          p && typeof p === "object" && "client_order_ref" in p
            ? (() => {
                throw Object.assign(new Error("Invalid params"), {
                  code: -32602,
                  data: { param: "client_order_ref", reason: "unknown param" },
                });
              })()
            : handlers[m]!(p, c);
      }
      return out;
    },
  },
  {
    name: "instrument-name-any-case",
    description:
      'instrument names are matched case-insensitively ("btc-perpetual" is BTC-PERPETUAL)',
    caughtBy: "public-get-order-book-unknown-instrument",
    request: onParams((_m, p) => {
      if (
        typeof p["instrument_name"] === "string" &&
        /^[a-z0-9-]+$/.test(p["instrument_name"]) &&
        /[a-z]/.test(p["instrument_name"])
      )
        p["instrument_name"] = p["instrument_name"].toUpperCase();
    }),
  },
  {
    name: "close-market-accepted",
    description: 'close_position accepts type "market" (as a limit at the best price)',
    caughtBy: "params-bad-enum",
    request: onParams((m, p) => {
      if (m === "private/close_position" && p["type"] === "market") p["type"] = "limit";
    }),
  },
  {
    name: "close-price-ignored",
    description: "close_position ignores the given price and always takes the best opposite price",
    caughtBy: "close-trades-every-level",
    request: onParams((m, p) => {
      if (m === "private/close_position") delete p["price"];
    }),
  },
  {
    name: "cancel-reason-dropped",
    description: "cancelled orders carry no cancel_reason",
    caughtBy: "self-trade-cancels-own",
    wrapHandlers: everyOrder((o) => {
      delete o["cancel_reason"];
    }),
  },
  {
    name: "leading-slash-public-only",
    description: "a leading slash is accepted on public methods only: /private/... answers -32601",
    caughtBy: "method-leading-slash-private",
    // The routing table knows /public/ names only: the name reaches the server as unknown.
    request: (text) =>
      text.replace(/"method":"\/private\/[a-z_]+"/, '"method":"private/no_such_method"'),
  },
  {
    name: "unknown-private-method-needs-credentials",
    description:
      "an unknown private/ method without credentials answers 10000 (credentials checked before the method is looked up)",
    caughtBy: "protocol-method-not-found",
    response: (r, request) => {
      const error = r["error"] as Obj | undefined;
      const params = (request.params ?? {}) as Obj;
      return error?.["code"] === -32601 &&
        String(request.method).replace(/^\//, "").startsWith("private/") &&
        !("access_token" in params)
        ? { ...r, error: { code: 10000, message: "authorization_required" } }
        : r;
    },
  },
  {
    name: "close-position-before-price",
    description:
      "close_position looks at the position before the price: a flat close with price 0 or off the tick answers 11030, not 10023/10043",
    caughtBy: "close-check-order",
    wrapHandlers: (handlers) => ({
      ...handlers,
      "private/close_position": async (p, c) => {
        const pos = await handlers["private/get_position"]!(
          { instrument_name: p["instrument_name"] },
          c,
        );
        if (!rejected(pos) && plain(pos)["size"] === "0") {
          const { price: _, ...rest } = p;
          return handlers["private/close_position"]!(rest, c);
        }
        return handlers["private/close_position"]!(p, c);
      },
    }),
  },
  {
    name: "close-pnl-not-booked",
    description:
      "close_position's fills move the position but not realized_profit_loss (the close path skips the PnL booking)",
    caughtBy: "close-realized-pnl",
    wrapHandlers: (handlers) => {
      const missed = new Map<string, number>();
      const key = (c: any, instrument: unknown) =>
        `${String(c.principal?.accountId)} ${String(instrument)}`;
      const realized = async (p: Obj, c: any) => {
        const pos = await handlers["private/get_position"]!(
          { instrument_name: p["instrument_name"] },
          c,
        );
        return rejected(pos) ? undefined : Number(plain(pos)["realized_profit_loss"]);
      };
      const fix = (o: Obj, c: any) => {
        const off = missed.get(key(c, o["instrument_name"]));
        if (off !== undefined && typeof o["realized_profit_loss"] === "string")
          o["realized_profit_loss"] = String(Number(o["realized_profit_loss"]) - off);
      };
      return {
        ...handlers,
        "private/close_position": async (p, c) => {
          const before = await realized(p, c);
          const answer = await handlers["private/close_position"]!(p, c);
          const after = await realized(p, c);
          if (!rejected(answer) && before !== undefined && after !== undefined) {
            const k = key(c, p["instrument_name"]);
            missed.set(k, (missed.get(k) ?? 0) + after - before);
          }
          return answer;
        },
        "private/get_position": async (p, c) => {
          const answer = await handlers["private/get_position"]!(p, c);
          if (rejected(answer)) return answer;
          const o = plain(answer);
          fix(o, c);
          return o;
        },
        "private/get_positions": async (p, c) => {
          const answer = await handlers["private/get_positions"]!(p, c);
          if (rejected(answer)) return answer;
          const list = plain(answer) as Obj[];
          for (const o of list) fix(o, c);
          return list;
        },
      };
    },
  },
  {
    name: "flat-keeps-average",
    description: 'a position closed flat keeps its last average_price instead of "0"',
    caughtBy: "close-position-flat",
    scenarios: ["close-long-with-price"],
    wrapHandlers: (handlers) => {
      const last = new Map<string, unknown>();
      return rewriteResults(POSITION_METHODS, (r, _p, c: any) => {
        for (const o of Array.isArray(r) ? r : [r]) {
          const k = `${String(c.principal?.accountId)} ${String(o["instrument_name"])}`;
          if (o["size"] !== "0") last.set(k, o["average_price"]);
          else if (last.has(k)) o["average_price"] = last.get(k);
        }
        return r;
      })(handlers);
    },
  },
  {
    name: "open-orders-every-instrument",
    description:
      "get_open_orders_by_instrument ignores instrument_name and lists the account's open orders in every instrument",
    caughtBy: "open-orders-listing",
    wrapHandlers: (handlers) => ({
      ...handlers,
      "private/get_open_orders_by_instrument": async (p, c) => {
        const own = await handlers["private/get_open_orders_by_instrument"]!(p, c);
        if (rejected(own)) return own;
        const list = (await handlers["public/get_instruments"]!({}, c)) as Obj[];
        const all: Obj[] = [];
        for (const i of rejected(list) ? [] : plain(list)) {
          const orders = await handlers["private/get_open_orders_by_instrument"]!(
            { ...p, instrument_name: i["instrument_name"] },
            c,
          );
          if (!rejected(orders)) all.push(...(plain(orders) as Obj[]));
        }
        return all.sort((a, b) => (BigInt(a["order_id"]) < BigInt(b["order_id"]) ? -1 : 1));
      },
    }),
  },
  {
    name: "auth-state-dropped",
    description: "public/auth leaves the state param out of its result",
    caughtBy: "auth-client-credentials",
    wrapHandlers: rewriteResults(["public/auth"], (r) => {
      const { state: _, ...rest } = r as Obj;
      return rest;
    }),
  },
  {
    name: "get-form-booleans-uncoerced",
    description:
      "the per-method GET form coerces integers but reads booleans as strings: expired=false is -32602",
    caughtBy: "http-get-form",
    http: (request) =>
      request.httpMethod === "GET"
        ? { ...request, url: request.url.replace(/([?&]expired=)(true|false)\b/, "$1no") }
        : request,
  },
  {
    name: "label-truncated-32",
    description: "labels are stored in 32 characters: a longer label comes back cut",
    caughtBy: "order-label-kept",
    scenarios: ["order-book"],
    wrapHandlers: everyOrder((o) => {
      if (typeof o["label"] === "string") o["label"] = o["label"].slice(0, 32);
    }),
  },
  {
    name: "close-without-price-immediate",
    description:
      "close_position without a price acts as a market close: the unfilled rest is cancelled instead of resting at the best price",
    caughtBy: "close-partial-rests",
    scenarios: ["close-own-best-price"],
    wrapHandlers: (handlers) => ({
      ...handlers,
      "private/close_position": async (p, c) => {
        const answer = await handlers["private/close_position"]!(p, c);
        if (rejected(answer) || p["price"] !== undefined) return answer;
        const result = plain(answer) as { order: Obj };
        if (result.order["order_state"] !== "open") return result;
        const cancelled = await handlers["private/cancel"]!(
          { order_id: result.order["order_id"] },
          c,
        );
        return rejected(cancelled) ? result : { ...result, order: plain(cancelled) };
      },
    }),
  },
  {
    name: "positions-currency-filter-ignored",
    description: "get_positions ignores currency and lists every instrument's position",
    caughtBy: "positions-list",
    scenarios: ["position-bookkeeping"],
    wrapHandlers: (handlers) => ({
      ...handlers,
      "private/get_positions": (p, c) => {
        const { currency: _, ...rest } = p ?? {};
        return handlers["private/get_positions"]!(rest, c);
      },
    }),
  },
  {
    name: "refresh-leaves-connection-anonymous",
    description:
      "on a WebSocket, a refresh_token grant issues tokens but does not authenticate the connection",
    caughtBy: "auth-refresh-authenticates-connection",
    wrapHandlers: (handlers) => ({
      ...handlers,
      "public/auth": (p, c) =>
        handlers["public/auth"]!(
          p,
          p?.["grant_type"] === "refresh_token"
            ? new Proxy(c, {
                get: (target, key) =>
                  key === "authenticateConnection" ? () => {} : Reflect.get(target, key, target),
              })
            : c,
        ),
    }),
  },
];
