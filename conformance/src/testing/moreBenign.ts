import { type InstrumentConfig, mulberry32 } from "@unwind/engine";
import type { BenignServer } from "./benign.js";
import {
  base64Inward,
  base64InwardText,
  base64Outward,
  editNotifications,
  gappedOrderId,
  jwtInward,
  jwtOutward,
  pause,
  referenceOrderId,
  scrambledTradeId,
} from "./benignKit.js";
import { faithful, splitWrites } from "./framings.js";
import {
  closeDelimited,
  contentTypeCase,
  deflateEncoding,
  deflateNoContext,
  escapedSlashes,
  exponentTimes,
  fewPerConnection,
  frontHeaders,
  htmlFaults,
  idleClose,
  interleavedPings,
  leadingWhitespace,
  reasonPhrase,
  trailers,
  trailingNewline,
} from "./moreFramings.js";
import { e8, fromE8 } from "./scaledDecimal.js";
import { editResults, plain, rejected, walkObjects } from "./tradingDefectKit.js";

type Obj = Record<string, any>;

/** A future of the reference's kind. */
function future(
  name: string,
  currency: string,
  tick: string,
  contract: string,
  min: string,
  expiry?: number,
  period: "month" | "week" = "month",
): InstrumentConfig {
  return {
    instrument_name: name,
    kind: "future",
    base_currency: currency,
    quote_currency: "USD",
    settlement_currency: currency,
    tick_size: tick,
    contract_size: contract,
    min_trade_amount: min,
    settlement_period: expiry === undefined ? "perpetual" : period,
    expiration_timestamp: expiry ?? 32503680000000,
  };
}

/** Deribit's expiry of a dated future: 08:00 UTC on its day. */
const expiry = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 8);

/** Instrument members the spec does not require. */
const OPTIONAL_INSTRUMENT = [
  "counter_currency",
  "creation_timestamp",
  "is_active",
  "instrument_type",
  "price_index",
  "instrument_id",
  "max_leverage",
  "maker_commission",
  "taker_commission",
];
const OPTIONAL_CURRENCY = [
  "coin_type",
  "decimals",
  "min_confirmations",
  "withdrawal_fee",
  "min_withdrawal_fee",
  "withdrawal_priorities",
];

/** Error codes whose description says "No `data` is required": a server may send some. */
const DATA_OPTIONAL = new Set([-32601, 10002, 10004, 10020, 10023, 10027, 10043, 11044, 11054]);

/** A wire edit of the error of an answer, if it has one. */
const onError =
  (fn: (e: Obj) => void) =>
  (r: Record<string, unknown>): Record<string, unknown> => {
    const error = r["error"];
    if (error !== null && typeof error === "object") fn(error as Obj);
    return r;
  };

/** Deribit's `expires:N` scope entry, well-formed. */
const EXPIRES = /^expires:[1-9][0-9]*$/;

const ACCOUNT_FUNDS = [
  "balance",
  "equity",
  "available_funds",
  "margin_balance",
  "available_withdrawal_funds",
];

/**
 * More correct servers that differ from the reference only where the spec leaves the choice to
 * the server (spread into `benignServers`).
 */
export const moreBenignServers: BenignServer[] = [
  {
    name: "error-data",
    description:
      "data {reason} on every error whose code requires none (-32601, 10002, 10004, 10020, 10023, 10027, 10043, 11044, 11054)",
    framing: faithful,
    response: onError((e) => {
      if (DATA_OPTIONAL.has(e["code"]) && e["data"] === undefined)
        e["data"] = { reason: `${e["message"]} (edge-7)` };
    }),
  },
  {
    name: "error-data-members",
    description: "an extra member in every error's data object (-32602, 11030, 13403, ...)",
    framing: faithful,
    response: onError((e) => {
      if (e["data"] !== null && typeof e["data"] === "object") e["data"]["trace_id"] = "a1b2c3";
    }),
  },
  {
    name: "ms-clock",
    description: "usIn and usOut from a millisecond clock: microseconds, multiples of 1000",
    framing: faithful,
    response: (r) => {
      if (typeof r["usIn"] !== "number" || typeof r["usOut"] !== "number") return r;
      const usIn = Math.floor(r["usIn"] / 1000) * 1000;
      const usOut = Math.floor(r["usOut"] / 1000) * 1000;
      return { ...r, usIn, usOut, usDiff: usOut - usIn };
    },
  },
  {
    name: "trailing-newline",
    description: "every answer ends with a newline (HTTP bodies and WebSocket messages)",
    framing: trailingNewline,
  },
  {
    name: "close-delimited",
    description:
      "HTTP answers without Content-Length or chunks, ended by closing the connection (Connection: close)",
    framing: closeDelimited,
  },
  {
    name: "idle-close",
    description: "HTTP keep-alive connections closed by the server after 25 ms without a request",
    framing: idleClose,
  },
  {
    name: "front-headers",
    description:
      "HTTP answers with the headers of a production front (Server, Cache-Control, CORS, HSTS, X-Request-Id)",
    framing: frontHeaders,
  },
  {
    name: "jittered",
    description:
      "every request waits 0-6 ms before it is handled, so WebSocket requests in flight together are answered in any order",
    framing: faithful,
    message: (() => {
      const random = mulberry32(7);
      return async (text: string, next: (text: string) => Promise<unknown>) => {
        await pause(Math.floor(random() * 7));
        return next(text);
      };
    })(),
  },
  {
    name: "jwt-tokens",
    description:
      "access and refresh tokens shaped as JWTs of about 300 characters (header, payload, HMAC)",
    framing: faithful,
    response: (r) => {
      const result = r["result"] as Obj | undefined;
      if (result && typeof result["access_token"] === "string") {
        return {
          ...r,
          result: {
            ...result,
            access_token: jwtOutward(result["access_token"]),
            refresh_token: jwtOutward(result["refresh_token"]),
          },
        };
      }
      return r;
    },
    request: (text) => jwtInward(text),
    http: (req) => ({
      ...req,
      url: jwtInward(req.url),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, jwtInward(v)])),
    }),
  },
  {
    name: "long-ttl",
    description: "access tokens live 30 days and refresh tokens a year (expires_in 2592000)",
    reference: { accessTtlSeconds: 2_592_000, refreshTtlSeconds: 31_536_000 },
  },
  {
    name: "no-expires-scope",
    description:
      "does not support Deribit's expires:N scope entry (the spec lets it): tokens keep the usual lifetime",
    wrapHandlers: (handlers) => ({
      ...handlers,
      "public/auth": (p, c) => {
        const scope = p["scope"];
        if (typeof scope !== "string") return handlers["public/auth"]!(p, c);
        const kept = scope.split(" ").filter((s) => !EXPIRES.test(s));
        return handlers["public/auth"]!({ ...p, scope: kept.join(" ") }, c);
      },
    }),
  },
  {
    name: "scope-extras",
    description:
      "the granted scope lists more entries (mainaccount, account:read) around the trade scope",
    wrapHandlers: editResults(["public/auth"], (o) => {
      if (typeof o["scope"] === "string") o["scope"] = `mainaccount ${o["scope"]} account:read`;
    }),
  },
  {
    name: "lean-instruments",
    description: "get_instruments leaves out every member the Instrument schema does not require",
    wrapHandlers: editResults(["public/get_instruments"], (o) => {
      for (const k of OPTIONAL_INSTRUMENT) delete o[k];
    }),
  },
  {
    name: "lean-currencies",
    description: "get_currencies leaves out every member the Currency schema does not require",
    wrapHandlers: editResults(["public/get_currencies"], (o) => {
      for (const k of OPTIONAL_CURRENCY) delete o[k];
    }),
  },
  {
    name: "lean-book",
    description: "get_order_book leaves out settlement_price and open_interest (not required)",
    wrapHandlers: editResults(["public/get_order_book"], (o) => {
      delete o["settlement_price"];
      delete o["open_interest"];
    }),
  },
  {
    name: "matching-ids",
    description: "every trade carries a matching_id string (the spec allows a string or null)",
    framing: faithful,
    response: (r) => {
      walkObjects(r["result"], matchingId);
      return r;
    },
    wsNotifications: editNotifications(matchingId),
  },
  {
    name: "scrambled-trade-ids",
    description: "trade ids of 19 digits in no particular order (unique, as the spec asks)",
    framing: faithful,
    response: (r) => {
      walkObjects(r["result"], scrambleTrade);
      return r;
    },
    wsNotifications: editNotifications(scrambleTrade),
  },
  {
    name: "settled",
    description: "a server that settles: settlement_price is its last settlement, not the mark",
    wrapHandlers: editResults(
      ["private/get_position", "private/get_positions", "public/get_order_book"],
      settle,
    ),
    framing: faithful,
    wsNotifications: editNotifications(settle),
  },
  {
    name: "funded-accounts",
    description: "accounts hold a balance: 10 more in every balance figure of every currency",
    wrapHandlers: editResults(
      ["private/get_account_summary", "private/get_account_summaries"],
      (o) => {
        if (!("balance" in o)) return;
        for (const k of ACCOUNT_FUNDS) if (k in o) o[k] = fromE8(e8(o[k]) + e8("10"));
      },
    ),
  },
  {
    name: "version-string",
    description: "public/test reports a version string of its own build (2.4.1+edge.7)",
    wrapHandlers: editResults(["public/test"], (o) => {
      if ("version" in o) o["version"] = "2.4.1+edge.7";
    }),
  },
  {
    name: "other-dated-futures",
    description:
      "dated futures of other expiries (BTC-5JUN27, unpadded day, ETH-26MAR27, a weekly BTC-11DEC26), no BTC-25DEC26",
    reference: {
      instruments: [
        future("BTC-PERPETUAL", "BTC", "0.5", "10", "10"),
        future("ETH-PERPETUAL", "ETH", "0.05", "1", "1"),
        future("ETH-26MAR27", "ETH", "0.05", "1", "1", expiry(2027, 3, 26)),
        future("BTC-5JUN27", "BTC", "0.5", "10", "10", expiry(2027, 6, 5)),
        future("BTC-11DEC26", "BTC", "0.5", "10", "10", expiry(2026, 12, 11), "week"),
      ],
    },
  },
  {
    name: "min-above-contract",
    description:
      "instruments whose minimum is several contracts (BTC-PERPETUAL min 20 of contract 10, ETH min 5 of 1)",
    reference: {
      instruments: [
        future("BTC-PERPETUAL", "BTC", "0.5", "10", "20"),
        future("ETH-PERPETUAL", "ETH", "0.05", "1", "5"),
        future("BTC-25DEC26", "BTC", "0.5", "10", "10", expiry(2026, 12, 25)),
      ],
    },
  },
  {
    name: "linear-btc",
    description: "BTC-PERPETUAL with tick 0.1 and contract size 1 (a linear venue's listing)",
    reference: {
      instruments: [
        future("BTC-PERPETUAL", "BTC", "0.1", "1", "1"),
        future("ETH-PERPETUAL", "ETH", "0.01", "0.1", "0.1"),
      ],
    },
  },
  {
    name: "rate-limited",
    description: "at most 150 requests a second per connection and per HTTP client (10028 beyond)",
    limits: { maxRequestsPerSecond: 150 },
  },
  {
    name: "two-in-flight",
    description: "at most 2 requests in flight per WebSocket connection (10066 beyond)",
    limits: { maxInFlightPerConnection: 2 },
  },
  {
    name: "token-cap",
    description:
      "an API key holds at most 8 token pairs at once; a login past it revokes the oldest",
    reference: { maxTokensPerKey: 8 },
  },
  {
    name: "strict-login-throttle",
    description:
      "failed logins throttled after 3 per client id and 8 per address (then 1 a second)",
    reference: {
      loginThrottle: {
        perClientId: { burst: 3, perSecond: 1 },
        perAddress: { burst: 8, perSecond: 1 },
      },
    },
  },
  {
    name: "html-faults",
    description:
      "HTTP 404, 405, 413 and 415 answered with an HTML page (text/html), as a web front does",
    framing: htmlFaults,
  },
  {
    name: "content-type-case",
    description: "Content-Type: Application/JSON; Charset=UTF-8 (media types are case-insensitive)",
    framing: contentTypeCase,
  },
  {
    name: "trailers",
    description: "chunked HTTP answers ending with a trailer field (Server-Timing)",
    framing: trailers,
  },
  {
    name: "reason-phrase",
    description: "HTTP status lines with reason phrases of its own (200 Success)",
    framing: reasonPhrase,
  },
  {
    name: "deflate-no-context",
    description:
      "permessage-deflate without context takeover on either side and a 1 KiB server window",
    framing: deflateNoContext,
  },
  {
    name: "escaped-slashes",
    description: "every / in answers written \\/ (PHP's json_encode): the same JSON strings",
    framing: escapedSlashes,
  },
  {
    name: "exponent-times",
    description: "usIn, usOut and usDiff written with an exponent (1.796e+15): the same integers",
    framing: exponentTimes,
  },
  {
    name: "leading-whitespace",
    description: "whitespace (space, tab, CR LF) before every answer's JSON",
    framing: leadingWhitespace,
  },
  {
    name: "subscribe-reversed",
    description: "subscribe and unsubscribe list the channels they concerned in reverse order",
    framing: faithful,
    response: (r, request) =>
      /^(public|private)\/(un)?subscribe$/.test(request.method ?? "") && Array.isArray(r["result"])
        ? { ...r, result: [...(r["result"] as unknown[])].reverse() }
        : r,
  },
  {
    name: "gapped-order-ids",
    description: "order ids that increase with gaps (n * 1000 + n % 997), not one by one",
    framing: faithful,
    request: (text) =>
      text.replace(
        /("order_id"\s*:\s*")([0-9]+)"/g,
        (_, head: string, id: string) => `${head}${referenceOrderId(id)}"`,
      ),
    http: (req) => ({
      ...req,
      url: req.url.replace(
        /([?&]order_id=)([0-9]+)/g,
        (_, head: string, id: string) => `${head}${referenceOrderId(id)}`,
      ),
    }),
    response: (r) => {
      walkObjects(r["result"], gapOrderIds);
      return r;
    },
    wsNotifications: editNotifications(gapOrderIds),
  },
  {
    name: "interleaved-pings",
    description: "each WebSocket answer in two fragments with a ping between them",
    framing: interleavedPings,
  },
  {
    name: "few-per-connection",
    description:
      "an HTTP connection serves 3 requests (Keep-Alive: max), the third answer says Connection: close",
    framing: fewPerConnection,
  },
  {
    name: "deflate-encoding",
    description: "HTTP answers Content-Encoding: deflate when the request accepts it",
    framing: deflateEncoding,
  },
  {
    name: "instrument-order",
    description:
      "lists its instruments in another order (the dated future, ETH, then BTC-PERPETUAL), and so its positions",
    reference: {
      instruments: [
        future("BTC-25DEC26", "BTC", "0.5", "10", "10", expiry(2026, 12, 25)),
        future("ETH-PERPETUAL", "ETH", "0.05", "1", "1"),
        future("BTC-PERPETUAL", "BTC", "0.5", "10", "10"),
      ],
    },
  },
  {
    name: "base64-tokens",
    description:
      "tokens in standard base64 with +, / and = (to be percent-encoded in a query string)",
    framing: faithful,
    response: (r) => {
      const result = r["result"] as Obj | undefined;
      if (!result || typeof result["access_token"] !== "string") return r;
      return {
        ...r,
        result: {
          ...result,
          access_token: base64Outward(result["access_token"]),
          refresh_token: base64Outward(result["refresh_token"]),
        },
      };
    },
    request: base64InwardText,
    http: (req) => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [
          k,
          k === "authorization"
            ? v.replace(/^(bearer\s+)(\S+)$/i, (_, h, t) => h + base64Inward(t))
            : v,
        ]),
      );
      const at = req.url.indexOf("?");
      if (at < 0) return { ...req, headers };
      const query = new URLSearchParams(req.url.slice(at + 1));
      let changed = false;
      for (const [k, v] of query) {
        if (!v.startsWith("+/")) continue;
        query.set(k, base64Inward(v));
        changed = true;
      }
      return { ...req, headers, url: changed ? `${req.url.slice(0, at + 1)}${query}` : req.url };
    },
  },
  {
    name: "unicode-reasons",
    description:
      "-32602 reasons in Unicode (a dash, accents, a check mark), written in pieces that cut characters",
    framing: splitWrites,
    response: onError((e) => {
      const data = e["data"];
      if (e["code"] === -32602 && data && typeof data["reason"] === "string")
        data["reason"] = `${data["reason"]} — vérifiez ✓`;
    }),
  },
  {
    name: "clock-ahead-30s",
    description: "a clock 30 s ahead of the suite's (within the 60 s the signature window allows)",
    reference: { now: () => Date.now() + 30_000 },
  },
  {
    name: "clock-behind-30s",
    description: "a clock 30 s behind the suite's",
    reference: { now: () => Date.now() - 30_000 },
  },
  {
    name: "partial-close-order",
    description:
      "close_position answers part of its order (id, state, direction, amounts) and its trades",
    wrapHandlers: (handlers) => ({
      ...handlers,
      "private/close_position": async (p, c) => {
        const answer = await handlers["private/close_position"]!(p, c);
        if (rejected(answer)) return answer;
        const { order, trades } = plain(answer);
        const kept = ["order_id", "order_state", "direction", "amount", "filled_amount"];
        return { order: Object.fromEntries(kept.map((k) => [k, order[k]])), trades };
      },
    }),
  },
  {
    name: "slow",
    description: "every request waits 10 ms before it is handled (a distant or busy server)",
    framing: faithful,
    message: async (text, next) => {
      await pause(10);
      return next(text);
    },
  },
  {
    name: "raw-only",
    description:
      "serves book and trades at the raw interval only: a 100ms subscribe answers -32602 on channels (the spec allows it)",
    framing: faithful,
    // The reference refuses agg2 as the spec says; a raw-only server refuses 100ms the same way.
    request: (text) => (/subscribe"/.test(text) ? text.replace(/\.100ms"/g, '.agg2"') : text),
  },
  {
    name: "ipv6",
    description: "listens on the IPv6 loopback only (http://[::1]:port)",
    reference: { host: "::1" },
  },
];

function gapOrderIds(o: Obj): void {
  if (typeof o["order_id"] === "string" && /^[0-9]+$/.test(o["order_id"]))
    o["order_id"] = gappedOrderId(o["order_id"]);
}

function matchingId(o: Obj): void {
  if ("matching_id" in o && typeof o["trade_id"] === "string")
    o["matching_id"] = `m-${o["trade_id"]}`;
}

function scrambleTrade(o: Obj): void {
  if (typeof o["trade_id"] === "string" && /^[0-9]+$/.test(o["trade_id"]))
    o["trade_id"] = scrambledTradeId(o["trade_id"]);
}

function settle(o: Obj): void {
  if ("settlement_price" in o) o["settlement_price"] = "60000";
}
