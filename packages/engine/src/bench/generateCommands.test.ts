import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import type { Command } from "../Command.js";
import { Engine } from "../Engine.js";
import { parseClosePosition } from "../wire/closePosition.js";
import { parsePlaceOrder } from "../wire/placeOrder.js";
import { generateCommands } from "./generateCommands.js";
import { toWireRequest } from "./toWireRequest.js";

const hash = (cs: Command[]) => createHash("sha256").update(JSON.stringify(cs)).digest("hex");

test("the stream is deterministic per seed and has the briefed mix", () => {
  const a = generateCommands({ count: 20_000, seed: 3 });
  const b = generateCommands({ count: 20_000, seed: 3 });
  const c = generateCommands({ count: 20_000, seed: 4 });
  expect(hash(a.commands)).toBe(hash(b.commands));
  expect(hash(a.commands)).not.toBe(hash(c.commands));
  const share = (f: (c: Command) => boolean) => a.commands.filter(f).length / a.commands.length;
  expect(share((c) => c.type === "cancel")).toBeCloseTo(0.25, 1);
  expect(share((c) => c.type === "close_position")).toBeCloseTo(0.05, 1);
  expect(
    share((c) => (c.type === "buy" || c.type === "sell") && c.timeInForce === "good_til_cancelled"),
  ).toBeCloseTo(0.6, 1);
  expect(
    share((c) => (c.type === "buy" || c.type === "sell") && c.timeInForce !== "good_til_cancelled"),
  ).toBeCloseTo(0.1, 1);
});

test("cancels name orders that are open, and every command applies without an unexpected error", () => {
  const g = generateCommands({ count: 20_000, seed: 5 });
  const engine = new Engine({ accounts: g.accounts, events: false });
  const codes = new Map<string, number>();
  for (const c of g.commands) {
    const out = engine.apply(c);
    const k = `${c.type}:${out.code}`;
    codes.set(k, (codes.get(k) ?? 0) + 1);
  }
  const hits = codes.get("cancel:0") ?? 0;
  expect(hits / (hits + (codes.get("cancel:11044") ?? 0))).toBeGreaterThan(0.9);
  for (const k of codes.keys()) expect(k).toMatch(/:0$|^cancel:11044$|^close_position:11030$/);
});

test("toWireRequest turns commands back into wire params that parse to the same command", () => {
  const g = generateCommands({ count: 2_000, seed: 6 });
  const engine = new Engine({ accounts: g.accounts });
  for (const c of g.commands) {
    const w = toWireRequest(engine, c);
    if (c.type === "buy" || c.type === "sell") {
      expect(w.method).toBe(`private/${c.type}`);
      expect(parsePlaceOrder(engine, c.account, c.type, w.params, c.timestamp)).toEqual({
        ok: true,
        value: c,
      });
    } else if (c.type === "close_position") {
      expect(parseClosePosition(engine, c.account, w.params, c.timestamp)).toEqual({
        ok: true,
        value: c,
      });
    } else if (c.type === "cancel") {
      expect(w).toEqual({ method: "private/cancel", params: { order_id: c.orderId } });
    }
  }
});
