import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import { ALICE, BOB, basic, get, hmacHeader, login, post } from "./testing/rpc.test-helpers.js";

let server: ReferenceServer;
beforeEach(async () => {
  server = await startReferenceServer({ port: 0, log: () => {} });
});
afterEach(() => server.close());

describe("over HTTP", () => {
  test("a maker and a taker trade, and the taker closes its position", async () => {
    const alice = { authorization: `Bearer ${(await login(server.url, ALICE)).access_token}` };
    const bob = basic(BOB);
    const ask = await post(
      server.url,
      "private/sell",
      { instrument_name: "BTC-PERPETUAL", amount: "20", price: "50000", label: "maker" },
      alice,
    );
    expect(ask.error).toBeUndefined();
    expect(ask.result.order).toMatchObject({
      order_state: "open",
      direction: "sell",
      price: "50000",
      amount: "20",
      label: "maker",
    });
    const buy = await post(
      server.url,
      "private/buy",
      { instrument_name: "BTC-PERPETUAL", amount: 20, price: 50000 },
      bob,
    );
    expect(buy.result.order).toMatchObject({ order_state: "filled", filled_amount: "20" });
    expect(buy.result.trades).toHaveLength(1);
    expect(buy.result.trades[0]).toMatchObject({ price: "50000", amount: "20", liquidity: "T" });

    const position = await post(
      server.url,
      "private/get_position",
      { instrument_name: "BTC-PERPETUAL" },
      bob,
    );
    expect(position.result).toMatchObject({ size: "20", direction: "buy", average_price: "50000" });

    // Alice bids below; bob's close_position without price takes the best bid.
    await post(
      server.url,
      "private/buy",
      { instrument_name: "BTC-PERPETUAL", amount: "20", price: "49000" },
      alice,
    );
    const close = await post(
      server.url,
      "private/close_position",
      { instrument_name: "BTC-PERPETUAL", type: "limit" },
      bob,
    );
    expect(close.error).toBeUndefined();
    expect(close.result.order).toMatchObject({
      direction: "sell",
      reduce_only: true,
      order_state: "filled",
      price: "49000",
    });
    expect(close.result.order.order_id).toMatch(/^[0-9]+$/);
    const flat = await post(
      server.url,
      "private/get_positions",
      { currency: "BTC", kind: "future" },
      bob,
    );
    expect(flat.result.map((p: { size: string }) => p.size)).toEqual(["0", "0"]);
    expect(flat.result[0].realized_profit_loss).toBe("-20000");

    const again = await post(
      server.url,
      "private/close_position",
      { instrument_name: "BTC-PERPETUAL", type: "limit" },
      bob,
    );
    expect(again.error).toEqual({
      code: 11030,
      message: "other_reject",
      data: { reason: "no_open_position" },
    });
  });

  test("orders can be read, listed and cancelled; a cancelled order cannot be cancelled again", async () => {
    const alice = basic(ALICE);
    const placed = await post(
      server.url,
      "private/buy",
      { instrument_name: "ETH-PERPETUAL", amount: "3", price: "2000.05" },
      alice,
    );
    const id = placed.result.order.order_id as string;
    const state = await post(server.url, "private/get_order_state", { order_id: id }, alice);
    expect(state.result).toMatchObject({ order_id: id, order_state: "open", price: "2000.05" });
    const open = await post(
      server.url,
      "private/get_open_orders_by_instrument",
      { instrument_name: "ETH-PERPETUAL" },
      alice,
    );
    expect(open.result.map((o: { order_id: string }) => o.order_id)).toEqual([id]);
    const book = await post(server.url, "public/get_order_book", {
      instrument_name: "ETH-PERPETUAL",
    });
    expect(book.result).toMatchObject({
      bids: [["2000.05", "3"]],
      asks: [],
      best_bid_price: "2000.05",
    });
    const cancelled = await post(server.url, "private/cancel", { order_id: id }, alice);
    expect(cancelled.result).toMatchObject({
      order_state: "cancelled",
      cancel_reason: "user_request",
    });
    const twice = await post(server.url, "private/cancel", { order_id: id }, alice);
    expect(twice.error?.code).toBe(11044);
    const unknown = await post(
      server.url,
      "private/get_order_state",
      { order_id: "999999" },
      alice,
    );
    expect(unknown.error).toMatchObject({ code: 10004, message: "order_not_found" });
  });

  test("market data: instruments, currencies, time, test", async () => {
    const instruments = await get(server.url, "/api/v2/public/get_instruments?currency=BTC");
    expect(instruments.result.map((i: { instrument_name: string }) => i.instrument_name)).toEqual([
      "BTC-PERPETUAL",
      "BTC-25DEC26",
    ]);
    const all = await post(server.url, "public/get_instruments");
    expect(all.result).toHaveLength(3);
    const currencies = await post(server.url, "public/get_currencies");
    expect(currencies.result.map((c: { currency: string }) => c.currency)).toEqual(["BTC", "ETH"]);
    const time = await post(server.url, "public/get_time");
    expect(Math.abs(time.result - Date.now())).toBeLessThan(5000);
    expect((await post(server.url, "public/test")).result).toEqual({ version: "0.1.0" });
    const boom = await post(server.url, "public/test", { expected_result: "exception" });
    expect(boom.error).toEqual({ code: -32603, message: "Internal error" });
    const empty = await post(server.url, "public/get_order_book", {
      instrument_name: "BTC-25DEC26",
      depth: 5,
    });
    expect(empty.result).toMatchObject({ bids: [], asks: [], best_bid_price: null });
    const unknown = await post(server.url, "public/get_order_book", { instrument_name: "DOGE" });
    expect(unknown.error?.code).toBe(10020);
  });

  test("account summaries: one currency and all", async () => {
    const bob = basic(BOB);
    const one = await post(server.url, "private/get_account_summary", { currency: "BTC" }, bob);
    expect(one.result).toMatchObject({
      currency: "BTC",
      balance: "10",
      id: 102,
      username: "bob",
      type: "main",
    });
    const all = await post(server.url, "private/get_account_summaries", {}, bob);
    expect(all.result).toMatchObject({ id: 102, username: "bob", type: "main" });
    expect(all.result.summaries.map((s: { currency: string }) => s.currency)).toEqual([
      "BTC",
      "ETH",
    ]);
    const usdc = await post(server.url, "private/get_account_summary", { currency: "USDC" }, bob);
    expect(usdc.error).toMatchObject({ code: -32602, data: { param: "currency" } });
  });

  test("per-method GET with a deri-hmac-sha256 signature, query values coerced", async () => {
    const uri =
      "/api/v2/private/buy?instrument_name=BTC-PERPETUAL&amount=10&price=40000&post_only=true&label=q";
    const res = await get(server.url, uri, hmacHeader(ALICE, "GET", uri));
    expect(res.error).toBeUndefined();
    expect(res.result.order).toMatchObject({ post_only: true, price: "40000", label: "q" });
  });

  test("the access_token param authenticates any private call", async () => {
    const { access_token } = await login(server.url, BOB);
    const res = await post(server.url, "private/get_positions", { access_token });
    expect(res.result).toHaveLength(3);
  });

  test("schema violations are -32602 with the param", async () => {
    const bob = basic(BOB);
    const res = await post(
      server.url,
      "private/close_position",
      { instrument_name: "BTC-PERPETUAL", type: "market" },
      bob,
    );
    expect(res.error).toMatchObject({ code: -32602, data: { param: "type" } });
    const price = await post(
      server.url,
      "private/close_position",
      { instrument_name: "BTC-PERPETUAL", type: "limit", price: "1e5" },
      bob,
    );
    expect(price.error).toMatchObject({ code: -32602, data: { param: "price" } });
    const missing = await post(server.url, "public/auth", {
      grant_type: "client_credentials",
      client_id: ALICE.id,
    });
    expect(missing.error).toEqual({
      code: -32602,
      message: "Invalid params",
      data: { param: "client_secret", reason: "required for grant_type client_credentials" },
    });
  });
});
