import { expect, test } from "vitest";
import { engineWith, ok } from "./bookTable.test.kit.js";
import { getOrderState } from "./wire/orderQueries.js";

test("a crossing order logs placement, trades, positions, reduce-only cuts and cancels in order", () => {
  const engine = engineWith([
    [2, "sell", "100", "20"],
    [1, "buy", "100", "20"],
    [1, "sell", "110", "20", { reduce_only: true }],
    [3, "buy", "95", "10"],
    [1, "buy", "90", "10"],
  ]);
  const out = engine.apply({
    type: "sell",
    account: 1,
    instrument: "BTC-PERPETUAL",
    amount: 2,
    price: 180,
    orderType: "limit",
    timeInForce: "immediate_or_cancel",
    postOnly: false,
    rejectPostOnly: false,
    reduceOnly: false,
    label: "",
    timestamp: 60,
  });
  expect(out.code).toBe(0);
  expect(out.events.map((e) => e.type)).toEqual([
    "order_placed",
    "trade",
    "position_changed",
    "position_changed",
    "order_reduced",
    "order_cancelled",
    "order_cancelled",
  ]);
  // Order events make their id when it is read: the property and the JSON agree.
  const ids = out.events.map((e) => ("orderId" in e ? e.orderId : null));
  expect(ids).toEqual(
    JSON.parse(JSON.stringify(out.events)).map((e: { orderId?: string }) => e.orderId ?? null),
  );
  expect(ids[0]).toBe(out.order!.id);
  expect(JSON.parse(JSON.stringify(out.events))).toMatchInlineSnapshot(`
    [
      {
        "account": 1,
        "amount": 2,
        "direction": "sell",
        "instrument": "BTC-PERPETUAL",
        "orderId": "6",
        "price": 180,
        "replaced": false,
        "type": "order_placed",
      },
      {
        "trade": {
          "amount": 1,
          "direction": "sell",
          "id": "2",
          "instrument": "BTC-PERPETUAL",
          "makerAccount": 3,
          "makerOrderId": "4",
          "makerState": "filled",
          "price": 190,
          "seq": 2,
          "takerAccount": 1,
          "takerOrderId": "6",
          "takerState": "open",
          "tickDirection": 2,
          "timestamp": 60,
        },
        "type": "trade",
      },
      {
        "account": 1,
        "instrument": "BTC-PERPETUAL",
        "size": 1,
        "type": "position_changed",
      },
      {
        "account": 3,
        "instrument": "BTC-PERPETUAL",
        "size": 1,
        "type": "position_changed",
      },
      {
        "account": 1,
        "amount": 1,
        "orderId": "3",
        "type": "order_reduced",
      },
      {
        "account": 1,
        "open": 1,
        "orderId": "5",
        "reason": "self_trade",
        "type": "order_cancelled",
      },
      {
        "account": 1,
        "open": 1,
        "orderId": "6",
        "reason": "immediate_or_cancel",
        "type": "order_cancelled",
      },
    ]
  `);
  expect(ok(getOrderState(engine, 1, { order_id: "3" }))).toMatchObject({
    amount: "10",
    replaced: true,
  });
});
