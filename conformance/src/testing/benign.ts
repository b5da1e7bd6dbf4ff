import { editNotifications } from "./benignKit.js";
import {
  charset,
  connectionClose,
  faithful,
  gzip,
  layouts,
  permessageDeflate,
  pings,
  splitWrites,
} from "./framings.js";
import { moreBenignServers } from "./moreBenign.js";
import { divE8, e8, fromE8, mulE8 } from "./scaledDecimal.js";
import { editResults, plain, rejected, walkObjects } from "./tradingDefectKit.js";
import type { Defect } from "./WireDefect.js";

type Obj = Record<string, any>;

/** A correct server that differs from the reference where the spec lets it. */
export type BenignServer = Omit<Defect, "caughtBy">;

/** A trade's fee at the benign fee rates. */
function chargeFee(o: Obj): void {
  if (!("trade_id" in o) || !("fee" in o)) return;
  const rate = o["liquidity"] === "M" ? MAKER_FEE : TAKER_FEE;
  o["fee"] = fromE8(divE8(mulE8(e8(o["amount"]), e8(rate)), e8(o["price"])));
}

/** Marks positions, trades and books to the server's own index. */
function markOwn(o: Obj): void {
  const mark = ownMark(o["instrument_name"]);
  if (mark === undefined) return;
  if ("floating_profit_loss" in o) markPosition(o, mark);
  else if ("mark_price" in o) Object.assign(o, { mark_price: mark, index_price: mark });
}

const PLACING = ["private/buy", "private/sell", "private/close_position"];
const POSITIONS = ["private/get_position", "private/get_positions"];

/** The reference's instruments (as the engine defines them), plus two more of a larger venue. */
const instruments = [
  ...[
    ["BTC-PERPETUAL", "BTC", "0.5", "10", "perpetual", 32503680000000],
    ["ETH-PERPETUAL", "ETH", "0.05", "1", "perpetual", 32503680000000],
    ["BTC-25DEC26", "BTC", "0.5", "10", "month", 1798185600000],
    ["BTC-26JUN26", "BTC", "2.5", "10", "month", 1782460800000],
  ].map(([name, currency, tick, contract, period, expiry]) => ({
    instrument_name: name as string,
    kind: "future" as const,
    base_currency: currency as string,
    quote_currency: "USD",
    settlement_currency: currency as string,
    tick_size: tick as string,
    contract_size: contract as string,
    min_trade_amount: contract as string,
    settlement_period: period as "perpetual" | "month",
    expiration_timestamp: expiry as number,
  })),
  {
    instrument_name: "BTC_USDC-PERPETUAL",
    kind: "future" as const,
    base_currency: "BTC",
    quote_currency: "USDC",
    settlement_currency: "USDC",
    tick_size: "1",
    contract_size: "0.001",
    min_trade_amount: "0.001",
    settlement_period: "perpetual" as const,
    expiration_timestamp: 32503680000000,
  },
];

/** The server's own mark (an index it follows), by base currency. */
const OWN_MARK: Record<string, string> = { BTC: "61234.5", ETH: "3012.35" };
const ownMark = (instrument: unknown) =>
  OWN_MARK[String(instrument).split(/[-_]/)[0]!] ?? undefined;

/** A position marked to `mark`: floating PnL `(mark - average_price) * size` and what follows from it. */
function markPosition(p: Obj, mark: string): void {
  const size = e8(p["size"]);
  const floating = size === 0n ? 0n : mulE8(e8(mark) - e8(p["average_price"]), size);
  const sizeCurrency = size === 0n ? 0n : divE8(size, e8(mark));
  Object.assign(p, {
    mark_price: mark,
    index_price: mark,
    floating_profit_loss: fromE8(floating),
    total_profit_loss: fromE8(e8(p["realized_profit_loss"]) + floating),
    size_currency: fromE8(sizeCurrency),
    delta: fromE8(sizeCurrency),
  });
}

/** Taker and maker fee rates. */
const TAKER_FEE = "0.0005";
const MAKER_FEE = "0.0001";

/**
 * Correct servers that differ from the reference only where the spec leaves the choice to the
 * server: configuration (testnet, instruments, clock, id width), figures the spec leaves to it
 * (fees, leverage, mark price), the minimal close_position result, and the wire's layout and
 * framing. The suite must pass each over both transports (`benignServers.test.ts`).
 */
export const benignServers: BenignServer[] = [
  {
    name: "testnet",
    description: "a test network: testnet true in every answer",
    reference: { testnet: true },
  },
  {
    name: "more-instruments",
    description:
      "lists two more instruments (a BTC future with tick 2.5, a USDC-settled perpetual) and so one more currency",
    reference: { instruments },
  },
  {
    name: "fees",
    description: "charges fees: every trade's fee is non-zero and instruments list their rates",
    wrapHandlers: (handlers) =>
      editResults(["public/get_instruments"], (o) => {
        if ("taker_commission" in o) {
          o["taker_commission"] = TAKER_FEE;
          o["maker_commission"] = MAKER_FEE;
        }
      })(editResults(PLACING, chargeFee)(handlers)),
    framing: faithful,
    wsNotifications: editNotifications(chargeFee),
  },
  {
    name: "leverage",
    description: "reports positions at leverage 10 instead of the reference's 50",
    wrapHandlers: editResults(POSITIONS, (o) => {
      if ("leverage" in o) o["leverage"] = 10;
    }),
  },
  {
    name: "own-mark",
    description:
      "marks positions, trades and books to an index of its own, not the last trade: mark_price and floating PnL differ",
    wrapHandlers: editResults([...POSITIONS, ...PLACING, "public/get_order_book"], markOwn),
    framing: faithful,
    wsNotifications: editNotifications(markOwn),
  },
  {
    name: "minimal-close",
    description:
      "close_position answers the minimal result the spec allows: {order: {order_id}}, no trades",
    wrapHandlers: (handlers) => ({
      ...handlers,
      "private/close_position": async (p, c) => {
        const answer = await handlers["private/close_position"]!(p, c);
        if (rejected(answer)) return answer;
        return { order: { order_id: plain(answer)["order"]["order_id"] } };
      },
    }),
  },
  {
    name: "long-ids",
    description: "order ids of 19 digits (from 1000000000000000000)",
    reference: { orderIdStart: "1000000000000000000" },
  },
  {
    name: "clock-ahead",
    description: "a clock 3 s ahead of the suite's (usIn, usOut, timestamps)",
    reference: { now: () => Date.now() + 3000 },
  },
  {
    name: "clock-behind",
    description: "a clock 3 s behind the suite's (usIn, usOut, timestamps)",
    reference: { now: () => Date.now() - 3000 },
  },
  {
    name: "reordered-keys",
    description: "every object's members in reverse order (id after result, jsonrpc last)",
    framing: layouts.reordered,
  },
  {
    name: "extra-fields",
    description:
      "an extra member in every envelope and in every object of every result (as a richer server sends)",
    framing: faithful,
    response: (r) => {
      if ("result" in r)
        walkObjects(r["result"], (o) => Object.assign(o, { venue_note: "edge-7" }));
      return { ...r, served_by: "edge-7" };
    },
  },
  {
    name: "extra-notification-members",
    description:
      "an extra member in every notification's params and in every object of its data (a richer server's notifications)",
    framing: faithful,
    wsNotifications: (connection) => ({
      notification(message) {
        const params = message["params"] as Obj | undefined;
        walkObjects(params?.["data"], (o) => Object.assign(o, { venue_note: "edge-7" }));
        connection.send(params ? { ...message, params: { ...params, sequence: 1 } } : message);
      },
    }),
  },
  {
    name: "pretty-printed",
    description: "answers pretty-printed over several lines, two-space indented",
    framing: layouts.pretty,
  },
  {
    name: "connection-close",
    description: "Connection: close on every HTTP answer, and the connection closed after it",
    framing: connectionClose,
  },
  {
    name: "split-writes",
    description:
      "each answer written in four pieces with pauses (HTTP chunks, WebSocket continuation frames)",
    framing: splitWrites,
  },
  {
    name: "ws-pings",
    description: "a WebSocket ping before every answer",
    framing: pings,
  },
  {
    name: "gzip",
    description: "HTTP answers gzip-encoded (Content-Encoding: gzip) when the request accepts gzip",
    framing: gzip,
  },
  {
    name: "permessage-deflate",
    description: "WebSocket permessage-deflate negotiated, every message compressed",
    framing: permessageDeflate,
  },
  {
    name: "charset",
    description: "Content-Type: application/json; charset=utf-8",
    framing: charset,
  },
  ...moreBenignServers,
];
