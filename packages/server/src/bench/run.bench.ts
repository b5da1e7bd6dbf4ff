import { type ChildProcess, spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { dispatcherOverhead } from "./dispatcherOverhead.bench.js";
import { type Bounds, measurePipelined, type PipelinedLoad } from "./measurePipelined.bench.js";
import { openRawHttp, postRequest, ResponseCounter } from "./rawHttpClient.bench.js";
import { FrameCounter, maskedTextFrame, openRawWebSocket } from "./rawWsClient.bench.js";

/**
 * `pnpm bench`: each server in its own process, the client here, side by side in one run on
 * 127.0.0.1; three rounds in alternating order, the best of each kept (the machine is shared).
 * Throughput is answers per second of pipelined `public/test` calls; ratios are against the bare
 * servers doing only JSON parse and echo. The corked bare echo is the like-for-like baseline for
 * the WebSocket: @unwind/server writes the answers of one read chunk in one `writev`.
 */
const bounds: Bounds = { warmupMs: 300, durationMs: 1500, maxCalls: 2_000_000 };
const rounds = 3;
const extension = fileURLToPath(import.meta.url).endsWith(".ts") ? ".ts" : ".js";
const serveFile = fileURLToPath(new URL(`./serve.bench${extension}`, import.meta.url));

async function startServer(kind: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, serveFile, kind], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line: string = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { port: JSON.parse(line).port, child };
}

const request = (id: number) => `{"jsonrpc":"2.0","id":${id},"method":"public/test","params":{}}`;
const ids = Array.from({ length: 100 }, (_, i) => 1_000_000 + i);

function wsLoad(port: number): PipelinedLoad {
  return {
    open: () => openRawWebSocket(port, "/ws/api/v2"),
    batch: Buffer.concat(ids.map((id) => maskedTextFrame(request(id)))),
    batchSize: ids.length,
    window: 1000,
    connections: 1,
    counter: () => new FrameCounter(),
  };
}

function httpLoad(port: number): PipelinedLoad {
  const batch = ids.slice(0, 16);
  return {
    open: () => openRawHttp(port),
    batch: Buffer.concat(batch.map((id) => postRequest("/api/v2", request(id)))),
    batchSize: batch.length,
    window: 64,
    connections: 4,
    counter: () => new ResponseCounter(),
  };
}

/**
 * The load of `wsLoad`, after 100 more connections subscribed to the channel the server publishes
 * on (once per server); they read everything they get, as a client would.
 */
const subscribed = new Set<number>();
function wsLoadSubscribed(port: number): PipelinedLoad {
  const load = wsLoad(port);
  return {
    ...load,
    async open() {
      if (!subscribed.has(port)) {
        subscribed.add(port);
        const subscribe = maskedTextFrame(
          '{"jsonrpc":"2.0","id":1,"method":"public/subscribe","params":{"channels":["trades.BTC-PERPETUAL.raw"]}}',
        );
        for (let i = 0; i < 100; i++) {
          const socket = await openRawWebSocket(port, "/ws/api/v2");
          const counter = new FrameCounter();
          const answered = new Promise<void>((resolve) => {
            const read = (chunk: Buffer) => {
              if (counter.push(chunk) === 0) return;
              // From here on the notifications are read and dropped: the client costs little.
              socket.off("data", read);
              socket.on("data", () => {});
              resolve();
            };
            socket.on("data", read);
          });
          socket.write(subscribe);
          await answered;
          if (!counter.first?.includes('"result":["trades.BTC-PERPETUAL.raw"]'))
            throw new Error(`subscribe failed: ${counter.first}`);
        }
      }
      return load.open();
    },
  };
}

const cases = [
  { name: "WebSocket  @unwind/server", server: "unwind", load: wsLoad },
  { name: "WebSocket  bare ws JSON echo", server: "bareWs", load: wsLoad },
  { name: "WebSocket  @open-rpc/server-js", server: "openRpc", load: wsLoad },
  { name: "WebSocket  bare ws JSON echo, corked per tick", server: "bareWsCorked", load: wsLoad },
  { name: "HTTP POST  @unwind/server", server: "unwind", load: httpLoad },
  { name: "HTTP POST  bare node:http JSON echo", server: "bareHttp", load: httpLoad },
  { name: "WebSocket  close_position-like, 0 subscribers", server: "unwindClose", load: wsLoad },
  {
    name: "WebSocket  close_position-like, 100 subscribed connections",
    server: "unwindClose100",
    load: wsLoadSubscribed,
  },
];

const began = Date.now();
const loadAtStart = loadavg()[0]!;
// In-process first, before any server process competes for the cores; the best of three runs.
const runs = [0, 1, 2].map(() => dispatcherOverhead(300_000));
const overhead = runs[0]!.map((row, i) => ({
  name: row.name,
  nsPerCall: Math.min(...runs.map((run) => run[i]!.nsPerCall)),
}));
const kinds = [...new Set(cases.map((c) => c.server))];
const started = new Map(
  await Promise.all(kinds.map(async (k) => [k, await startServer(k)] as const)),
);
const best = new Map<string, number>();
const samples = new Map<string, string>();
for (let round = 0; round < rounds; round++) {
  for (const c of round % 2 === 0 ? cases : [...cases].reverse()) {
    const { port } = started.get(c.server)!;
    const result = await measurePipelined(c.load(port), bounds);
    best.set(c.name, Math.max(best.get(c.name) ?? 0, result.callsPerSecond));
    samples.set(c.name, result.sample);
  }
}
for (const { child } of started.values()) child.stdin!.end();

const rate = (name: string) => best.get(name)!;
const ratio = (a: string, b: string) => rate(a) / rate(b);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(`\n@unwind/server benchmarks (${process.version}, best of ${rounds} rounds)\n`);
const load = loadAtStart;
const cores = cpus().length;
console.log(`load average ${load.toFixed(2)} on ${cores} cores at the start`);
if (load > cores / 2) {
  console.log(
    "WARNING: the machine was busy with other work: the numbers below are not reliable\n",
  );
}
console.log(
  `pipelined: WebSocket 1 connection x 1000 in flight; HTTP 4 connections x 64 in flight\n`,
);
console.log("| transport / server | calls/s |\n|---|---:|");
for (const c of cases) console.log(`| ${c.name} | ${fmt(rate(c.name))} |`);
console.log("\n| in-process, no socket | ns/call |\n|---|---:|");
for (const row of overhead) console.log(`| ${row.name} | ${row.nsPerCall.toFixed(0)} |`);

const [floor, test] = overhead;
const wsName = cases[0]!.name;
interface Goal {
  readonly name: string;
  readonly value: number;
  readonly target: string;
  readonly met?: boolean;
}
const goals: Goal[] = [
  {
    name: "WS: @unwind/server / bare ws echo",
    value: ratio(wsName, cases[1]!.name),
    target: ">= 0.8",
  },
  {
    name: "WS: @unwind/server / @open-rpc/server-js",
    value: ratio(wsName, cases[2]!.name),
    target: ">= 2",
  },
  {
    name: "WS: @unwind/server / corked bare ws echo (like for like)",
    value: ratio(wsName, cases[3]!.name),
    target: "-",
  },
  {
    name: "HTTP: @unwind/server / bare node:http echo",
    value: ratio(cases[4]!.name, cases[5]!.name),
    target: ">= 0.8",
  },
  {
    name: "WS close_position-like: 100 subscribed connections / none (a publish per request)",
    value: ratio(cases[7]!.name, cases[6]!.name),
    target: ">= 0.8",
  },
  {
    name: "dispatcher public/test, microseconds per call",
    value: test!.nsPerCall / 1000,
    target: "< 2",
  },
  {
    name: "dispatcher beyond parse+stringify, microseconds",
    value: (test!.nsPerCall - floor!.nsPerCall) / 1000,
    target: "< 2",
  },
];
const meets = (goal: Goal) => {
  const [op, bound] = goal.target.split(" ");
  if (bound === undefined) return "-";
  const ok = op === ">=" ? goal.value >= Number(bound) : goal.value < Number(bound);
  return ok ? "yes" : "NO";
};
console.log("\n| goal | measured | target | met |\n|---|---:|---:|---|");
for (const goal of goals) {
  console.log(`| ${goal.name} | ${goal.value.toFixed(2)} | ${goal.target} | ${meets(goal)} |`);
}
console.log(`\nsample answers: unwind ${samples.get(cases[0]!.name)}`);
console.log(`               open-rpc ${samples.get(cases[2]!.name)}`);
console.log(`total ${((Date.now() - began) / 1000).toFixed(1)} s`);
