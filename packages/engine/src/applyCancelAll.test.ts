import { expect, test } from "vitest";
import { ACCOUNTS, engineWith } from "./bookTable.test.kit.js";
import type { Command } from "./Command.js";
import { Engine } from "./Engine.js";
import { getOrderState } from "./wire/orderQueries.js";
import { placeOrder } from "./wire/placeOrder.js";

const seeded = () =>
  engineWith([
    [1, "buy", "900", "10"],
    [2, "sell", "1100", "20"],
    [1, "sell", "1200", "30"],
    [1, "buy", "950", "40"],
  ]);

test("cancel_all cancels every open order of the account, oldest first, with its reason", () => {
  const engine = seeded();
  const out = engine.apply({
    type: "cancel_all",
    account: 1,
    reason: "cancel_on_disconnect",
    timestamp: 5000,
  });
  expect(out.code).toBe(0);
  expect(
    out.events.map((e) => (e.type === "order_cancelled" ? [e.orderId, e.reason, e.open] : e)),
  ).toEqual([
    ["1", "cancel_on_disconnect", 1],
    ["3", "cancel_on_disconnect", 3],
    ["4", "cancel_on_disconnect", 4],
  ]);
  const state = getOrderState(engine, 1, { order_id: "4" });
  expect(state.ok && state.result).toMatchObject({
    order_state: "cancelled",
    cancel_reason: "cancel_on_disconnect",
    last_update_timestamp: 5000,
  });
  expect(engine.books[0]!.bids.levels).toEqual([]);
  expect(engine.books[0]!.asks.levels.map((l) => [l.price, l.total])).toEqual([[2200, 2]]);
});

test("cancel_all with nothing open succeeds and changes nothing; an unknown account is 13009", () => {
  const engine = seeded();
  const hash = engine.stateHash();
  const none = engine.apply({
    type: "cancel_all",
    account: 3,
    reason: "cancel_on_disconnect",
    timestamp: 1003,
  });
  expect([none.code, none.events]).toEqual([0, []]);
  const unknown = engine.apply({
    type: "cancel_all",
    account: 99,
    reason: "cancel_on_disconnect",
    timestamp: 1003,
  });
  expect(unknown.code).toBe(13009);
  expect(engine.stateHash()).toBe(hash);
});

test("cancel_all is journaled and replays to the same state, snapshot included", () => {
  const journal: Command[] = [];
  const engine = new Engine({ accounts: ACCOUNTS, journal: { append: (c) => journal.push(c) } });
  const seed = seeded();
  for (const order of seed.orders.values()) {
    engine.apply({
      type: order.direction,
      account: order.account.id,
      instrument: "BTC-PERPETUAL",
      amount: order.amount,
      price: order.price,
      orderType: "limit",
      timeInForce: "good_til_cancelled",
      postOnly: false,
      rejectPostOnly: false,
      reduceOnly: false,
      label: "",
      timestamp: order.creationTimestamp,
    });
  }
  engine.apply({ type: "cancel_all", account: 1, reason: "cancel_on_disconnect", timestamp: 7 });
  expect(journal.at(-1)).toEqual({
    type: "cancel_all",
    account: 1,
    reason: "cancel_on_disconnect",
    timestamp: 7,
  });
  const replayed = new Engine({ accounts: ACCOUNTS });
  for (const c of JSON.parse(JSON.stringify(journal)) as Command[]) replayed.apply(c);
  expect(replayed.stateHash()).toBe(engine.stateHash());
  const restored = Engine.fromSnapshot(engine.snapshot());
  expect(restored.stateHash()).toBe(engine.stateHash());
  const r = getOrderState(restored, 1, { order_id: "3" });
  expect(r.ok && r.result.cancel_reason).toBe("cancel_on_disconnect");
});

test("the observer sees every applied command and its events, in engine order", () => {
  const engine = seeded();
  const seen: string[] = [];
  engine.observer = (command, out) =>
    seen.push(`${command.type}:${out.code}:${out.events.map((e) => e.type).join(",")}`);
  engine.apply({ type: "cancel", account: 2, orderId: "2", timestamp: 1 });
  engine.apply({ type: "cancel", account: 2, orderId: "2", timestamp: 2 });
  engine.apply({ type: "cancel_all", account: 1, reason: "cancel_on_disconnect", timestamp: 3 });
  expect(seen).toEqual([
    "cancel:0:order_cancelled",
    "cancel:11044:",
    "cancel_all:0:order_cancelled,order_cancelled,order_cancelled",
  ]);
});

test("beforeApply runs before the next command touches anything: its journal append, the reused outcome", () => {
  const seen: string[] = [];
  const journal = { append: (command: Command) => seen.push(`append ${command.type}`) };
  const engine = new Engine({ accounts: ACCOUNTS, journal });
  placeOrder(engine, 1, "buy", { instrument_name: "BTC-PERPETUAL", price: "900", amount: "10" }, 1);
  seen.length = 0;
  const out = engine.apply(
    { type: "cancel", account: 1, orderId: "1", timestamp: 2 },
    engine.scratch,
  );
  engine.beforeApply = () => seen.push(`before: ${out.events.map((e) => e.type).join(",")}`);
  engine.apply({ type: "cancel", account: 1, orderId: "1", timestamp: 3 }, engine.scratch);
  expect(seen).toEqual(["append cancel", "before: order_cancelled", "append cancel"]);
});
