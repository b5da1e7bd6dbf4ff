import { expect, test } from "vitest";
import { generateCommands } from "../bench/generateCommands.js";
import { Engine } from "../Engine.js";
import { parseClosePosition } from "./closePosition.js";
import { parsePlaceOrder, toPlaceResult } from "./placeOrder.js";
import { placeResultJson } from "./placeResultJson.js";

test("the JSON of every placed order and close_position equals JSON.stringify of the wire result", () => {
  const stream = generateCommands({ count: 20_000, seed: 3, accounts: 12 });
  const engine = new Engine({ accounts: stream.accounts, events: false });
  let checked = 0;
  for (const c of stream.commands) {
    const out = engine.apply(c);
    if (c.type === "cancel" || out.code !== 0) continue;
    const wire = toPlaceResult(engine, out);
    if (!wire.ok) throw new Error("expected a result");
    expect(placeResultJson(engine, out)).toBe(JSON.stringify(wire.result));
    checked++;
  }
  expect(checked).toBeGreaterThan(10_000);
});

test("labels, post-only re-pricing, reduce-only cuts, fill-or-kill and markets print like JSON.stringify", () => {
  const accounts = [1, 2].map((id) => ({ id, username: `u${id}`, balances: { BTC: "10" } }));
  const engine = new Engine({ accounts, events: false });
  const btc = "BTC-PERPETUAL";
  let t = 1_700_000_000_000;
  const steps: [number, "buy" | "sell", Record<string, unknown>][] = [
    [1, "sell", { amount: "30", price: "50000.5", label: 'a "quoted" \\ label\n' }],
    [2, "buy", { amount: "20", type: "market", label: "é✓" }],
    [1, "buy", { amount: "10", price: "60000", post_only: true }],
    [2, "sell", { amount: "100", price: "49000", reduce_only: true }],
    [1, "sell", { amount: "500", price: "1", time_in_force: "fill_or_kill" }],
    [1, "sell", { amount: "10", price: "40000", time_in_force: "immediate_or_cancel" }],
    [1, "sell", { amount: "30", price: "50001" }],
    [1, "sell", { amount: "20", price: "50002.5" }],
    [2, "buy", { amount: "40", price: "50003", label: "sweep" }],
    [1, "buy", { amount: "20", price: "49990" }],
  ];
  const states = new Set<string>();
  for (const [account, direction, params] of steps) {
    const command = parsePlaceOrder(
      engine,
      account,
      direction,
      { instrument_name: btc, ...params },
      t++,
    );
    if (!command.ok) throw new Error(command.message);
    const out = engine.apply(command.value);
    expect(out.code).toBe(0);
    const wire = toPlaceResult(engine, out);
    if (!wire.ok) throw new Error("expected a result");
    expect(placeResultJson(engine, out)).toBe(JSON.stringify(wire.result));
    states.add(wire.result.order.order_state);
  }
  expect([...states].sort()).toEqual(["cancelled", "filled", "open"]);
  const close = parseClosePosition(engine, 2, { instrument_name: btc, type: "limit" }, t++);
  if (!close.ok) throw new Error(close.message);
  const out = engine.apply(close.value);
  expect(out.trades.length).toBe(1);
  const wire = toPlaceResult(engine, out);
  if (!wire.ok) throw new Error("expected a result");
  expect(placeResultJson(engine, out)).toBe(JSON.stringify(wire.result));
});
