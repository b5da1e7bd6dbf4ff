import { describe, expect, test } from "vitest";
import { generateCommands } from "./bench/generateCommands.js";
import type { Command } from "./Command.js";
import { Engine } from "./Engine.js";
import type { EngineSnapshot } from "./EngineSnapshot.js";
import { orderSnapshot } from "./snapshot.js";

const accounts = [1, 2, 3].map((id) => ({ id, username: `u${id}`, balances: { BTC: "10" } }));
const limit = (c: Partial<Command> & Pick<Command, "type" | "account" | "timestamp">): Command =>
  ({
    instrument: "BTC-PERPETUAL",
    amount: 1,
    price: 1000,
    orderType: "limit",
    timeInForce: "good_til_cancelled",
    postOnly: false,
    rejectPostOnly: false,
    reduceOnly: false,
    label: "",
    ...c,
  }) as Command;

/** An engine with labels, a bigint cost, markets, odd timestamps and open and closed orders. */
function busy(): Engine {
  const e = new Engine({ accounts, orderIdStart: "39005203453841408" });
  const huge = 1_000_000_000_000;
  const cs: Command[] = [
    limit({ type: "sell", account: 1, amount: 100_000, price: huge, timestamp: 1_700_000_000_000 }),
    limit({ type: "buy", account: 2, amount: 100_000, price: huge, label: "big", timestamp: 5 }),
    limit({ type: "sell", account: 1, amount: 3, price: 1001, label: "a", timestamp: 7.5 }),
    limit({ type: "sell", account: 3, amount: 2, price: 1002, timestamp: -20 }),
    limit({ type: "buy", account: 2, amount: 4, orderType: "market", timestamp: 2 ** 52 }),
    limit({ type: "buy", account: 3, amount: 1, price: 990, label: "resting", timestamp: 9 }),
    { type: "cancel", account: 3, orderId: "39005203453841413", timestamp: 10 },
    limit({ type: "buy", account: 1, amount: 2, price: 995, timestamp: 11 }),
    { type: "close_position", account: 2, instrument: "BTC-PERPETUAL", timestamp: 12 },
  ];
  for (const c of cs) e.apply(c);
  return e;
}

describe("snapshot", () => {
  test("closed orders are encoded compactly and restored exactly", () => {
    const a = busy();
    const s = a.snapshot();
    expect(s.version).toBe(2);
    expect(s.orders.every((o) => o.state === "open")).toBe(true);
    expect(s.history?.labels.map(([, l]) => l)).toEqual(["big", "a", "resting"]);
    expect(s.history?.costs.length).toBe(2);
    const b = Engine.fromSnapshot(JSON.parse(JSON.stringify(s)) as EngineSnapshot);
    expect(b.stateHash()).toBe(a.stateHash());
    expect(b.snapshot()).toEqual(s);
    for (let seq = 1; seq <= a.orderIds.count; seq++) {
      expect(orderSnapshot(b.orders.bySeq(seq)!)).toEqual(orderSnapshot(a.orders.bySeq(seq)!));
    }
  });

  test("a version 1 snapshot (every order as an object) is still restored", () => {
    const a = busy();
    const v1: EngineSnapshot = { ...a.snapshot(), version: 1 };
    delete v1.history;
    v1.orders = [...a.orders.values()].map(orderSnapshot);
    const b = Engine.fromSnapshot(JSON.parse(JSON.stringify(v1)) as EngineSnapshot);
    expect(b.stateHash()).toBe(a.stateHash());
  });

  test("a history that does not match the open orders is refused", () => {
    const s = busy().snapshot();
    expect(() => Engine.fromSnapshot({ ...s, orders: s.orders.slice(1) })).toThrow(/do not match/);
    expect(() => Engine.fromSnapshot({ ...s, history: { ...s.history!, data: "" } })).toThrow(
      /ends early/,
    );
  });

  test("100,000 commands snapshot to a few MB, not tens", () => {
    const { commands, accounts: acc } = generateCommands({ count: 100_000, seed: 3 });
    const e = new Engine({ accounts: acc, events: false });
    for (const c of commands) e.apply(c);
    const bytes = JSON.stringify(e.snapshot()).length;
    const v1 = JSON.stringify([...e.orders.values()].map(orderSnapshot)).length;
    expect(bytes * 2).toBeLessThan(v1);
    expect(Engine.fromSnapshot(JSON.parse(JSON.stringify(e.snapshot()))).stateHash()).toBe(
      e.stateHash(),
    );
    // 100,000 commands plus two full snapshots: about a second here, many more on a busy machine.
  }, 60_000);
});
