import { OrderBook } from "nodejs-order-book";
import type { Command } from "../Command.js";
import { Engine } from "../Engine.js";
import { newOutcome } from "../Outcome.js";
import { generateCommands } from "./generateCommands.js";
import { type Measurement, measure, timerOverhead } from "./measure.js";

type NobOp =
  | { kind: "limit"; o: Parameters<OrderBook["limit"]>[0] }
  | { kind: "market"; o: Parameters<OrderBook["market"]>[0] }
  | { kind: "cancel"; id: string }
  | { kind: "skip" };

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg("count", 1_000_000);
const seed = arg("seed", 42);
const rounds = arg("rounds", 5);
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

const t0 = performance.now();
const stream = generateCommands({ count, seed, accounts: 100 });
const genMs = performance.now() - t0;
const mix = new Map<string, number>();
for (const c of stream.commands) {
  const k = c.type === "buy" || c.type === "sell" ? `${c.orderType}/${c.timeInForce}` : c.type;
  mix.set(k, (mix.get(k) ?? 0) + 1);
}

// nodejs-order-book has no positions: a close_position becomes the GTC limit order the engine made
// of it (recorded by the generator's shadow run), or nothing when the engine rejected it. Orders get
// the ids the engine gave them, so cancels name the same orders.
const STP = "EXPIRE_MAKER";
const nobOps: NobOp[] = stream.commands.map((c: Command, i): NobOp => {
  if (c.type === "cancel") return { kind: "cancel", id: c.orderId };
  if (c.type === "cancel_all") return { kind: "skip" };
  const accountId = String(c.account);
  if (c.type === "close_position") {
    const o = stream.closeOrders[i];
    if (o === undefined) return { kind: "skip" };
    const { orderId: id, direction: side, lots: size, price } = o;
    return {
      kind: "limit",
      o: { id, side, size, price, timeInForce: "GTC", accountId, stpMode: STP },
    };
  }
  if (c.orderType === "market") {
    return { kind: "market", o: { side: c.type, size: c.amount, accountId, stpMode: STP } };
  }
  const tif =
    c.timeInForce === "good_til_cancelled"
      ? "GTC"
      : c.timeInForce === "immediate_or_cancel"
        ? "IOC"
        : "FOK";
  const id = stream.orderIds[i] ?? `x${i}`;
  return {
    kind: "limit",
    o: {
      id,
      side: c.type,
      size: c.amount,
      price: c.price!,
      timeInForce: tif,
      accountId,
      stpMode: STP,
    },
  };
});

const engineRun = (events: boolean) => () => {
  const engine = new Engine({ accounts: stream.accounts, events });
  const out = newOutcome();
  return (c: Command) => {
    engine.apply(c, out);
  };
};
const nobRun = () => {
  const ob = new OrderBook();
  return (op: NobOp) => {
    if (op.kind === "limit") ob.limit(op.o);
    else if (op.kind === "market") ob.market(op.o);
    else if (op.kind === "cancel") ob.cancel(op.id);
  };
};

/** Best of `rounds` measurements (highest ops/s), with the median ops/s alongside. */
function best<T>(name: string, items: readonly T[], fresh: () => (item: T) => void, n: number) {
  const runs: Measurement[] = [];
  for (let r = 0; r < n; r++) {
    collect();
    runs.push(measure(name, items, fresh));
  }
  runs.sort((a, b) => b.opsPerSecond - a.opsPerSecond);
  return { ...runs[0]!, median: runs[Math.floor(n / 2)]!.opsPerSecond };
}

const warm = Math.min(200_000, count);
measure("warmup", stream.commands.slice(0, warm), engineRun(true));
measure("warmup", nobOps.slice(0, warm), nobRun);

const results = [
  best("@unwind/engine (events on)", stream.commands, engineRun(true), rounds),
  best("@unwind/engine (events off)", stream.commands, engineRun(false), rounds),
  best("nodejs-order-book 10.1.1 (STP on)", nobOps, nobRun, 1),
];
const base = results[2]!.opsPerSecond;

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
console.log(
  `commands: ${fmt(count)} (seed ${seed}, 100 accounts, BTC-PERPETUAL); generated in ${fmt(genMs)} ms`,
);
console.log(
  `mix: ${[...mix].map(([k, v]) => `${k} ${((100 * v) / count).toFixed(1)}%`).join(", ")}`,
);
console.log(
  `node ${process.version}; best of ${rounds} runs for the engine, 1 for nodejs-order-book; ` +
    `timer overhead ~${fmt(timerOverhead())} ns per latency sample (included)`,
);
console.log("");
console.log(
  "| implementation | ops/s (best) | ops/s (median) | p50 ns | p99 ns | p99.9 ns | vs nodejs-order-book |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  const cells = [fmt(r.opsPerSecond), fmt(r.median), fmt(r.p50), fmt(r.p99), fmt(r.p999)];
  console.log(`| ${r.name} | ${cells.join(" | ")} | ${(r.opsPerSecond / base).toFixed(2)}x |`);
}
