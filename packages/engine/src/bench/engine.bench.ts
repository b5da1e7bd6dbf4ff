import { OrderBook } from "nodejs-order-book";
import type { Command } from "../Command.js";
import { Engine } from "../Engine.js";
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

const t0 = performance.now();
const stream = generateCommands({ count, seed, accounts: 100 });
const genMs = performance.now() - t0;
const mix = new Map<string, number>();
for (const c of stream.commands) {
  const k = c.type === "buy" || c.type === "sell" ? `${c.orderType}/${c.timeInForce}` : c.type;
  mix.set(k, (mix.get(k) ?? 0) + 1);
}

// nodejs-order-book has no positions: a close_position becomes the GTC limit order the engine made of it
// (recorded by the generator's shadow run), or nothing when the engine rejected it.
const STP = "EXPIRE_MAKER";
const nobOps: NobOp[] = stream.commands.map((c: Command, i): NobOp => {
  if (c.type === "cancel") return { kind: "cancel", id: c.orderId };
  if (c.type === "close_position") {
    const o = stream.closeOrders[i];
    if (o === undefined) return { kind: "skip" };
    const accountId = String(c.account);
    return {
      kind: "limit",
      o: {
        id: o.orderId,
        side: o.direction,
        size: o.lots,
        price: o.price,
        timeInForce: "GTC",
        accountId,
        stpMode: STP,
      },
    };
  }
  const accountId = String(c.account);
  if (c.orderType === "market")
    return { kind: "market", o: { side: c.type, size: c.amount, accountId, stpMode: STP } };
  const tif =
    c.timeInForce === "good_til_cancelled"
      ? "GTC"
      : c.timeInForce === "immediate_or_cancel"
        ? "IOC"
        : "FOK";
  return {
    kind: "limit",
    o: {
      id: `${i + 1}`,
      side: c.type,
      size: c.amount,
      price: c.price!,
      timeInForce: tif,
      accountId,
      stpMode: STP,
    },
  };
});
// The engine numbers orders itself; give nodejs-order-book the same ids so cancels hit the same orders.
{
  const shadow = new Engine({ accounts: stream.accounts, events: false });
  stream.commands.forEach((c, i) => {
    const out = shadow.apply(c);
    const op = nobOps[i]!;
    if (op.kind === "limit" && out.order !== null) op.o.id = out.order.id;
  });
}

const engineRun = (events: boolean) => () => {
  const engine = new Engine({ accounts: stream.accounts, events });
  return (c: Command) => {
    engine.apply(c);
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

// Warm up both, then measure.
const warm = Math.min(200_000, count);
measure("warmup", stream.commands.slice(0, warm), engineRun(true));
measure("warmup", nobOps.slice(0, warm), nobRun);

const results: Measurement[] = [
  measure("@unwind/engine (events on)", stream.commands, engineRun(true)),
  measure("@unwind/engine (events off)", stream.commands, engineRun(false)),
  measure("nodejs-order-book 10.1.1 (STP on)", nobOps, nobRun),
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
  `node ${process.version}; timer overhead per sample ~${fmt(timerOverhead())} ns (included in latencies)`,
);
console.log("");
console.log("| implementation | ops/s | p50 ns | p99 ns | p99.9 ns | vs nodejs-order-book |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(
    `| ${r.name} | ${fmt(r.opsPerSecond)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.p999)} | ${(r.opsPerSecond / base).toFixed(2)}x |`,
  );
}
