import { describe, expect, test } from "vitest";
import { engineWith, ok } from "./bookTable.test.kit.js";
import { Engine } from "./Engine.js";
import { placeOrder } from "./wire/placeOrder.js";
import { getPosition } from "./wire/positionQueries.js";

const BTC = "BTC-PERPETUAL";

/** Fills for account 1 against account 2: [direction of account 1, price, amount]. */
type Fill = ["buy" | "sell", string, string];

function positionAfter(fills: Fill[]) {
  const engine = engineWith([]);
  fills.forEach(([dir, price, amount], i) => {
    const other = dir === "buy" ? "sell" : "buy";
    ok(placeOrder(engine, 2, other, { instrument_name: BTC, price, amount }, 100 + 2 * i));
    const r = ok(placeOrder(engine, 1, dir, { instrument_name: BTC, price, amount }, 101 + 2 * i));
    expect(r.order.order_state).toBe("filled");
  });
  const mine = ok(getPosition(engine, 1, { instrument_name: BTC }));
  const theirs = ok(getPosition(engine, 2, { instrument_name: BTC }));
  return { mine, theirs };
}

describe("position bookkeeping (tables)", () => {
  const cases: { name: string; fills: Fill[]; want: Record<string, string> }[] = [
    {
      name: "one buy",
      fills: [["buy", "50000", "100"]],
      want: { size: "100", direction: "buy", average_price: "50000", realized_profit_loss: "0" },
    },
    {
      name: "two buys average by volume",
      fills: [
        ["buy", "50000", "100"],
        ["buy", "50001", "200"],
      ],
      want: { size: "300", average_price: "50000.66666667", floating_profit_loss: "100" },
    },
    {
      name: "a partial reduction leaves the average and realizes (p - avg) x q",
      fills: [
        ["buy", "50000", "100"],
        ["sell", "50010", "40"],
      ],
      want: { size: "60", average_price: "50000", realized_profit_loss: "400" },
    },
    {
      name: "an increase after a reduction weighs the remaining size, not the history",
      fills: [
        ["sell", "998", "20"],
        ["buy", "997", "10"],
        ["sell", "999", "10"],
      ],
      want: { size: "-20", average_price: "998.5", realized_profit_loss: "10" },
    },
    {
      name: "a flip starts afresh at the flip price",
      fills: [
        ["buy", "50000", "100"],
        ["sell", "49000", "150"],
      ],
      want: {
        size: "-50",
        direction: "sell",
        average_price: "49000",
        realized_profit_loss: "-100000",
      },
    },
    {
      name: "flat keeps the realized PnL and prints zeros",
      fills: [
        ["sell", "50000", "100"],
        ["buy", "49990", "100"],
      ],
      want: {
        size: "0",
        direction: "zero",
        average_price: "0",
        realized_profit_loss: "1000",
        size_currency: "0",
      },
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { mine, theirs } = positionAfter(c.fills);
      expect(mine).toMatchObject(c.want);
      expect(Number(mine.size) + Number(theirs.size)).toBe(0);
    });
  }

  test("a flat instrument is a zero position, with every field", () => {
    const engine = new Engine({ accounts: [{ id: 7, username: "x", balances: {} }] });
    expect(ok(getPosition(engine, 7, { instrument_name: "ETH-PERPETUAL" }))).toMatchInlineSnapshot(`
      {
        "average_price": "0",
        "delta": "0",
        "direction": "zero",
        "floating_profit_loss": "0",
        "index_price": "0",
        "initial_margin": "0",
        "instrument_name": "ETH-PERPETUAL",
        "kind": "future",
        "leverage": 50,
        "maintenance_margin": "0",
        "mark_price": "0",
        "open_orders_margin": "0",
        "realized_profit_loss": "0",
        "settlement_price": "0",
        "size": "0",
        "size_currency": "0",
        "total_profit_loss": "0",
      }
    `);
  });
});
