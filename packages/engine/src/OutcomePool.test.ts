import { expect, test } from "vitest";
import { generateCommands } from "./bench/generateCommands.js";
import { Engine } from "./Engine.js";
import { newOutcome } from "./Outcome.js";

test("a reused outcome (pooled trades and events) reads the same as fresh outcomes", () => {
  const { commands, accounts } = generateCommands({ count: 5_000, seed: 11, accounts: 6 });
  const fresh = new Engine({ accounts });
  const reused = new Engine({ accounts });
  const out = newOutcome();
  let trades = 0;
  for (const c of commands) {
    const a = fresh.apply(c);
    const b = reused.apply(c, out);
    expect(b).toBe(out);
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
    expect(JSON.stringify(b.trades)).toBe(JSON.stringify(a.trades));
    expect([b.code, b.reason, b.order?.id]).toEqual([a.code, a.reason, a.order?.id]);
    trades += a.trades.length;
  }
  expect(trades).toBeGreaterThan(100);
  expect(reused.stateHash()).toBe(fresh.stateHash());
});

test("fresh outcomes may be kept: their trades and events are never reused", () => {
  const { commands, accounts } = generateCommands({ count: 2_000, seed: 5, accounts: 4 });
  const engine = new Engine({ accounts });
  const kept = commands.map((c) => engine.apply(c));
  const json = kept.map((o) => JSON.stringify([o.trades, o.events]));
  const again = new Engine({ accounts });
  commands.forEach((c, i) => {
    expect(JSON.stringify([again.apply(c).trades, kept[i]!.events])).toBe(json[i]);
  });
});
