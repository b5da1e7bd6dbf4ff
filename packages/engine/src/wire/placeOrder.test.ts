import { describe, expect, test } from "vitest";
import { engineWith, ok } from "../bookTable.test.kit.js";
import { cancel } from "./cancel.js";
import { getOrderState } from "./orderQueries.js";
import { placeOrder } from "./placeOrder.js";

const BTC = "BTC-PERPETUAL";

// The params are ones the spec's schema accepts (the server's generated validator refuses the
// others first: a missing instrument_name, an unknown type or time_in_force, a long label, a
// malformed decimal); the edge checks only the rules the schema cannot say.
describe("buy/sell checks, in the spec's order", () => {
  const cases: [string, Record<string, unknown>, number, Record<string, unknown>?][] = [
    [
      "unknown instrument beats an amount off the contract size",
      { instrument_name: "NOPE", amount: "15", price: "1" },
      10020,
    ],
    [
      "post_only with a market order",
      { instrument_name: BTC, amount: "10", type: "market", post_only: true },
      -32602,
      { param: "post_only" },
    ],
    [
      "post_only with fill_or_kill",
      {
        instrument_name: BTC,
        amount: "10",
        price: "1",
        post_only: true,
        time_in_force: "fill_or_kill",
      },
      -32602,
      { param: "post_only" },
    ],
    [
      "amount beyond the safe range of lots",
      { instrument_name: BTC, amount: `1${"0".repeat(20)}`, price: "1" },
      -32602,
      { param: "amount", reason: "is too large" },
    ],
    [
      "an amount parseDecimal cannot read (the schema refuses it first) is still -32602",
      { instrument_name: BTC, amount: "1e3", price: "1" },
      -32602,
      { param: "amount" },
    ],
    ["unknown instrument", { instrument_name: "NOPE", amount: "10", price: "1" }, 10020],
    [
      "post_only with IOC",
      {
        instrument_name: BTC,
        amount: "10",
        price: "1",
        post_only: true,
        time_in_force: "immediate_or_cancel",
      },
      -32602,
      { param: "post_only" },
    ],
    ["missing amount", { instrument_name: BTC, price: "1" }, -32602, { param: "amount" }],
    ["amount 0", { instrument_name: BTC, amount: "0", price: "1" }, 10002],
    ["negative amount", { instrument_name: BTC, amount: "-10", price: "1" }, 10002],
    [
      "amount not a multiple of the contract size",
      { instrument_name: BTC, amount: "15", price: "1" },
      10027,
    ],
    ["amount below the minimum", { instrument_name: BTC, amount: "5", price: "1" }, 10027],
    [
      "contracts disagree with amount",
      { instrument_name: BTC, amount: "20", contracts: "3", price: "1" },
      -32602,
      { param: "contracts" },
    ],
    ["fractional contracts", { instrument_name: BTC, contracts: "1.5", price: "1" }, 10027],
    [
      "missing price",
      { instrument_name: BTC, amount: "10" },
      -32602,
      { param: "price", reason: "required for type limit" },
    ],
    ["price 0", { instrument_name: BTC, amount: "10", price: 0 }, 10023],
    ["price off tick", { instrument_name: BTC, amount: "10", price: "100.25" }, 10043],
    [
      "reduce_only while flat",
      { instrument_name: BTC, amount: "10", price: "100", reduce_only: true },
      11030,
      { reason: "reduce_only" },
    ],
    [
      "market with no asks",
      { instrument_name: BTC, amount: "10", type: "market" },
      11030,
      { reason: "no_liquidity" },
    ],
  ];
  for (const [name, params, code, data] of cases) {
    test(name, () => {
      const engine = engineWith([[2, "buy", "90", "10"]]);
      const r = placeOrder(engine, 1, "buy", params, 10);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.code).toBe(code);
      if (data) expect(r.data).toMatchObject(data);
    });
  }

  test("contracts alone and a JSON number price are accepted", () => {
    const engine = engineWith([]);
    const r = ok(
      placeOrder(engine, 1, "buy", { instrument_name: BTC, contracts: 3, price: 100.5 }, 10),
    );
    expect([r.order.amount, r.order.contracts, r.order.price]).toEqual(["30", "3", "100.5"]);
  });

  test("post_only with reject_post_only is refused when it would cross", () => {
    const engine = engineWith([[2, "sell", "100", "10"]]);
    const r = placeOrder(
      engine,
      1,
      "buy",
      { instrument_name: BTC, amount: "10", price: "100", post_only: true, reject_post_only: true },
      10,
    );
    expect(r).toEqual({ ok: false, code: 11054, message: "post_only_reject" });
  });
});

describe("reduce_only on placement", () => {
  const LONG = () =>
    engineWith([
      [2, "sell", "100", "50"],
      [1, "buy", "100", "50"],
    ]);
  test("is cut to the position and marked replaced", () => {
    const r = ok(
      placeOrder(
        LONG(),
        1,
        "sell",
        { instrument_name: BTC, amount: "80", price: "120", reduce_only: true },
        10,
      ),
    );
    expect([r.order.amount, r.order.replaced, r.order.order_state]).toEqual(["50", true, "open"]);
  });
  test("is rejected on the growing side", () => {
    const r = placeOrder(
      LONG(),
      1,
      "buy",
      { instrument_name: BTC, amount: "10", price: "90", reduce_only: true },
      10,
    );
    expect(r).toEqual({
      ok: false,
      code: 11030,
      message: "other_reject",
      data: { reason: "reduce_only" },
    });
  });
  test("an order that fits is not replaced", () => {
    const r = ok(
      placeOrder(
        LONG(),
        1,
        "sell",
        { instrument_name: BTC, amount: "30", price: "120", reduce_only: true },
        10,
      ),
    );
    expect([r.order.amount, r.order.replaced]).toEqual(["30", false]);
  });
});

describe("cancel", () => {
  test("cancels an open order", () => {
    const engine = engineWith([[1, "buy", "90", "10"]]);
    expect(ok(cancel(engine, 1, { order_id: "1" }, 77))).toMatchObject({
      order_state: "cancelled",
      cancel_reason: "user_request",
      last_update_timestamp: 77,
    });
  });
  test("another account's order is unknown", () => {
    const engine = engineWith([[1, "buy", "90", "10"]]);
    expect(cancel(engine, 2, { order_id: "1" }, 77)).toEqual({
      ok: false,
      code: 10004,
      message: "order_not_found",
    });
    expect(getOrderState(engine, 2, { order_id: "1" })).toMatchObject({ code: 10004 });
  });
  test("a filled or cancelled order is not open", () => {
    const engine = engineWith([
      [1, "buy", "90", "10"],
      [2, "sell", "90", "10"],
      [3, "buy", "80", "10"],
    ]);
    expect(cancel(engine, 1, { order_id: "1" }, 77)).toMatchObject({
      code: 11044,
      message: "not_open_order",
    });
    ok(cancel(engine, 3, { order_id: "3" }, 78));
    expect(cancel(engine, 3, { order_id: "3" }, 79)).toMatchObject({ code: 11044 });
  });
  test("an id no order has yet is unknown", () => {
    expect(cancel(engineWith([[1, "buy", "90", "10"]]), 1, { order_id: "999999" }, 1)).toEqual({
      ok: false,
      code: 10004,
      message: "order_not_found",
    });
  });
});
