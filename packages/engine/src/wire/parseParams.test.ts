import { expect, test } from "vitest";
import { engineWith } from "../bookTable.test.kit.js";
import { fastestRun } from "../fastestRun.test-helpers.js";
import { closePosition } from "./closePosition.js";
import { placeOrder } from "./placeOrder.js";

const BTC = "BTC-PERPETUAL";
const BOMB = `1000.${"0".repeat(200_000)}`;

test.each([
  ["buy price", "price", (bomb: string) => ({ instrument_name: BTC, amount: "10", price: bomb })],
  ["buy amount", "amount", (bomb: string) => ({ instrument_name: BTC, amount: bomb, price: "1" })],
  [
    "buy contracts",
    "contracts",
    (bomb: string) => ({ instrument_name: BTC, contracts: bomb, price: "1" }),
  ],
])("a 200,000-zero %s is -32602 at once and changes nothing", (_, param, params) => {
  const engine = engineWith([[2, "sell", "1000", "10"]]);
  const before = engine.stateHash();
  expect(placeOrder(engine, 1, "buy", params(BOMB), 5000)).toEqual({
    ok: false,
    code: -32602,
    message: "Invalid params",
    data: { param, reason: "expected a decimal string of at most 64 characters, but got 200005" },
  });
  expect(engine.stateHash()).toBe(before);
  // The baseline is a short malformed decimal, refused on the same path: the bomb must cost about
  // as much (it cost 20 s, thousands of times the baseline, when each zero took a division).
  const bomb = params(BOMB);
  const short = params("1000.0x");
  const hundred = (p: Record<string, unknown>) => () => {
    for (let i = 0; i < 100; i++) placeOrder(engine, 1, "buy", p, 5000);
  };
  const ratio = fastestRun(hundred(bomb)) / fastestRun(hundred(short));
  expect(ratio).toBeLessThan(5);
});

test("a 200,000-zero close_position price is -32602", () => {
  const engine = engineWith([]);
  expect(
    closePosition(engine, 1, { instrument_name: BTC, type: "limit", price: BOMB }, 5000),
  ).toMatchObject({ ok: false, code: -32602, data: { param: "price" } });
});
