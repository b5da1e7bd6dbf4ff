import { expect, test } from "vitest";
import { engineWith, ok } from "../bookTable.test.kit.js";
import { getAccountSummaries, getAccountSummary } from "./accountQueries.js";
import { cancel } from "./cancel.js";
import { getCurrencies, getInstruments, getOrderBook } from "./marketQueries.js";
import { getOpenOrdersByInstrument } from "./orderQueries.js";
import { placeOrder } from "./placeOrder.js";
import { getPosition, getPositions } from "./positionQueries.js";

const BTC = "BTC-PERPETUAL";
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

const ORDER_KEYS = [
  "order_id",
  "instrument_name",
  "direction",
  "order_type",
  "order_state",
  "time_in_force",
  "price",
  "amount",
  "filled_amount",
  "average_price",
  "label",
  "post_only",
  "reject_post_only",
  "reduce_only",
  "creation_timestamp",
  "last_update_timestamp",
  "api",
  "web",
  "replaced",
  "is_liquidation",
  "max_show",
  "contracts",
];
const TRADE_KEYS = [
  "trade_id",
  "trade_seq",
  "order_id",
  "instrument_name",
  "direction",
  "price",
  "amount",
  "timestamp",
  "state",
  "liquidity",
  "order_type",
  "reduce_only",
  "post_only",
  "label",
  "fee",
  "fee_currency",
  "index_price",
  "mark_price",
  "tick_direction",
  "matching_id",
];
const POSITION_KEYS = [
  "instrument_name",
  "kind",
  "size",
  "direction",
  "size_currency",
  "average_price",
  "realized_profit_loss",
  "floating_profit_loss",
  "total_profit_loss",
  "mark_price",
  "index_price",
  "leverage",
  "delta",
  "initial_margin",
  "maintenance_margin",
  "open_orders_margin",
  "settlement_price",
];
const SUMMARY_KEYS = [
  "currency",
  "balance",
  "equity",
  "available_funds",
  "margin_balance",
  "initial_margin",
  "maintenance_margin",
  "session_rpl",
  "session_upl",
  "total_pl",
  "futures_pl",
  "options_pl",
  "delta_total",
  "fee_balance",
  "projected_initial_margin",
  "projected_maintenance_margin",
  "available_withdrawal_funds",
  "id",
  "username",
  "type",
  "margin_model",
  "portfolio_margining_enabled",
  "creation_timestamp",
];

test("order, trade, position and summary objects carry exactly the fields of shapes.md", () => {
  const engine = engineWith([[2, "sell", "50000", "100"]]);
  const r = ok(
    placeOrder(
      engine,
      1,
      "buy",
      { instrument_name: BTC, amount: "30", price: "50000", label: "L" },
      9,
    ),
  );
  expect(Object.keys(r.order)).toEqual(ORDER_KEYS);
  expect(Object.keys(r.trades[0]!)).toEqual(TRADE_KEYS);
  expect(r.trades[0]).toMatchObject({
    liquidity: "T",
    state: "filled",
    fee: "0",
    fee_currency: "BTC",
    tick_direction: 0,
    matching_id: null,
    label: "L",
  });
  const cancelled = ok(cancel(engine, 2, { order_id: "1" }, 10));
  expect(Object.keys(cancelled)).toEqual([...ORDER_KEYS, "cancel_reason"]);
  expect(Object.keys(ok(getPosition(engine, 1, { instrument_name: BTC })))).toEqual(POSITION_KEYS);
  const summary = ok(getAccountSummary(engine, 1, { currency: "BTC" }));
  expect(Object.keys(summary)).toEqual(SUMMARY_KEYS);
  expect(ok(getAccountSummaries(engine, 1))).toMatchObject({
    id: 1,
    username: "user1",
    type: "main",
  });
  for (const obj of [r.order, r.trades[0]!, cancelled, summary]) {
    for (const [k, v] of Object.entries(obj)) {
      if (
        typeof v === "string" &&
        k !== "currency" &&
        k !== "fee_currency" &&
        /(price|amount|balance|_pl|rpl|upl|funds|margin|size|currency|fee|max_show|contracts|delta_total)$/.test(
          k,
        )
      ) {
        expect(v, k).toMatch(DECIMAL);
      }
    }
  }
});

test("ids are increasing digit strings from a configurable start", async () => {
  const { Engine } = await import("../Engine.js");
  const engine = new Engine({
    accounts: [
      { id: 1, username: "a", balances: {} },
      { id: 2, username: "b", balances: {} },
    ],
    orderIdStart: "9007199254740990",
    tradeIdStart: 500,
  });
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    ids.push(
      ok(
        placeOrder(
          engine,
          1 + (i % 2),
          i % 2 ? "sell" : "buy",
          { instrument_name: BTC, amount: "10", price: "100" },
          i,
        ),
      ).order.order_id,
    );
  }
  expect(ids).toEqual([
    "9007199254740990",
    "9007199254740991",
    "9007199254740992",
    "9007199254740993",
  ]);
  expect(engine.tradeIds.count).toBe(2);
  expect(engine.tradeIds.next()).toBe("502");
});

test("order book, instruments and currencies", () => {
  const engine = engineWith([
    [1, "buy", "100", "10"],
    [2, "buy", "100", "20"],
    [3, "sell", "101", "10"],
  ]);
  expect(ok(getOrderBook(engine, { instrument_name: BTC, depth: 1 }, 5))).toMatchInlineSnapshot(`
    {
      "asks": [
        [
          "101",
          "10",
        ],
      ],
      "best_ask_amount": "10",
      "best_ask_price": "101",
      "best_bid_amount": "30",
      "best_bid_price": "100",
      "bids": [
        [
          "100",
          "30",
        ],
      ],
      "change_id": 3,
      "index_price": "100.5",
      "instrument_name": "BTC-PERPETUAL",
      "last_price": null,
      "mark_price": "100.5",
      "open_interest": "0",
      "settlement_price": "100.5",
      "state": "open",
      "timestamp": 5,
    }
  `);
  expect(
    ok(getOrderBook(engine, { instrument_name: "ETH-PERPETUAL" }, engine.lastTimestamp)),
  ).toMatchObject({
    best_bid_price: null,
    best_ask_price: null,
    best_bid_amount: "0",
    mark_price: "0",
    last_price: null,
  });
  // depth is schema-checked (1 to 10000); an unknown instrument is the edge's own rule.
  expect(
    getOrderBook(engine, { instrument_name: "NOPE", depth: 1 }, engine.lastTimestamp),
  ).toMatchObject({
    code: 10020,
  });
  expect(ok(getInstruments(engine, { currency: "BTC" })).map((i) => i.instrument_name)).toEqual([
    "BTC-PERPETUAL",
    "BTC-25DEC26",
  ]);
  expect(ok(getInstruments(engine, { currency: "USDC" }))).toEqual([]);
  expect(ok(getInstruments(engine, { expired: true }))).toEqual([]);
  expect(ok(getInstruments(engine, { currency: "BTC", kind: "option" }))).toEqual([]);
  expect(ok(getInstruments(engine, {}))[1]).toMatchInlineSnapshot(`
    {
      "base_currency": "ETH",
      "contract_size": "1",
      "counter_currency": "USD",
      "creation_timestamp": 1552568454000,
      "expiration_timestamp": 32503680000000,
      "instrument_id": 2,
      "instrument_name": "ETH-PERPETUAL",
      "instrument_type": "reversed",
      "is_active": true,
      "kind": "future",
      "maker_commission": "0",
      "max_leverage": 50,
      "min_trade_amount": "1",
      "price_index": "eth_usd",
      "quote_currency": "USD",
      "settlement_currency": "ETH",
      "settlement_period": "perpetual",
      "taker_commission": "0",
      "tick_size": "0.05",
    }
  `);
  expect(ok(getCurrencies(engine)).map((c) => c.currency)).toEqual(["BTC", "ETH"]);
  expect(ok(getPositions(engine, 1, { currency: "ETH" })).map((p) => p.instrument_name)).toEqual([
    "ETH-PERPETUAL",
  ]);
  expect(ok(getPositions(engine, 1, {})).length).toBe(3);
  expect(
    ok(getOpenOrdersByInstrument(engine, 2, { instrument_name: BTC })).map((o) => o.order_id),
  ).toEqual(["2"]);
  expect(getAccountSummary(engine, 1, { currency: "USDC" })).toMatchObject({ code: -32602 });
  expect(getAccountSummary(engine, 99, { currency: "BTC" })).toMatchObject({ code: 13009 });
});
