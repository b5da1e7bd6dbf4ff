import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { writeBenchAccounts } from "./benchAccounts.js";
import { BENCH_USAGE, type BenchArgs, parseBenchArgs } from "./benchArgs.js";
import { measureCloseUsDiff, type UsDiffStats } from "./closeLatency.js";
import { fanoutEstimate } from "./fanoutEstimate.js";
import { measureMethodUsDiff } from "./methodUsDiff.js";
import { pinPlan, pinProcess } from "./pinning.js";
import { measureSendCost } from "./sendCost.js";
import { startServerProcess } from "./serverProcess.js";
import {
  type CloseRate,
  type ListenerInterval,
  measureSubscribedClose,
} from "./subscribedClose.js";
import { measureThroughput, type ThroughputResult } from "./throughput.js";

// The reference server's bench: journal on vs in memory (throughput ratio, goal >= 0.5) and the
// envelope's usDiff of close_position over WebSocket (goal p50 <= 5 us, p99 <= 50 us). Servers run
// in their own processes on 127.0.0.1; each phase is bounded in time.

const CONNECTIONS = 20;
const WINDOW = 32;
const WARMUP_MS = 500;
const DURATION_MS = 2_000;
/** Subscribed connections in the subscriptions phase (issue 14: goal >= 0.8 of the rate without). */
const SUBSCRIBERS = 100;
const FANOUT_WARMUP = 2_000;
const FANOUT_CYCLES = 8_000;
/** The notification linger of the bench's extra fan-out run (`--notification-linger-ms`). */
const LINGER_MS = 5;
/**
 * The batching ceiling's run: holds longer than any default could take (a linger of 50 ms, up
 * to 256 KiB per connection), so that each subscriber is written about once per 100 cycles in
 * writes of ~150 KiB. What larger writes can buy the fan-out, at most.
 */
const CEILING_ARGS = [
  "--notification-linger-ms",
  "50",
  "--notification-max-held-bytes",
  String(256 << 10),
];
/** The largest write size of the fan-out floor's plain writer: larger ones cost no less per byte here. */
const FLOOR_WRITE_SIZE = 256 << 10;

let args: BenchArgs;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (e) {
  console.error(`${(e as Error).message}\n${BENCH_USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(BENCH_USAGE);
  process.exit(0);
}
const { only, rounds } = args;
const all = only === undefined;
const cpus = availableParallelism();
/** With `--pin`, the server's CPU list (this process and its children have moved to the others). */
let serverCpus: string | undefined;
if (args.pin) {
  try {
    const plan = pinPlan(cpus);
    pinProcess(process.pid, plan.others);
    serverCpus = plan.server;
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}
/** A reference server for one phase (on its own CPU with `--pin`). */
const startServer = (serverArgs: string[]) => startServerProcess(serverArgs, serverCpus);

const work = mkdtempSync(join(tmpdir(), "unwind-reference-bench-"));
// The throughput phase uses the first CONNECTIONS accounts; the subscribers the next 100.
const { path: accounts, keys } = writeBenchAccounts(work, CONNECTIONS + SUBSCRIBERS);

async function throughput(args: string[]) {
  const server = await startServer(["--accounts", accounts, ...args]);
  try {
    return await measureThroughput(server.wsUrl, keys.slice(0, CONNECTIONS), {
      window: WINDOW,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
    });
  } finally {
    await server.stop();
  }
}

async function usDiff(args: string[], cycles: number, burst: number) {
  const server = await startServer(["--accounts", accounts, ...args]);
  try {
    return await measureCloseUsDiff(server.wsUrl, keys[0]!, keys[1]!, {
      warmup: Math.min(2_000, cycles),
      cycles,
      burst,
    });
  } finally {
    await server.stop();
  }
}

async function subscribedClose(
  subscribers: number,
  args: string[] = [],
  interval: ListenerInterval = "raw",
): Promise<CloseRate> {
  const listeners = keys.slice(CONNECTIONS, CONNECTIONS + subscribers);
  const server = await startServer(["--accounts", accounts, "--in-memory", ...args]);
  try {
    return await measureSubscribedClose(server.wsUrl, keys[0]!, keys[1]!, {
      subscribers: listeners,
      warmup: FANOUT_WARMUP,
      cycles: FANOUT_CYCLES,
      burst: 16,
      serverPid: server.pid,
      interval,
    });
  } finally {
    await server.stop();
  }
}

const load = loadavg()[0]!;
console.log(
  `load average ${load.toFixed(2)} on ${cpus} CPUs${load > cpus / 2 ? ": the machine is busy, expect noisy numbers" : ""}${serverCpus === undefined ? "" : `; the server on CPU ${serverCpus} alone, the driver and the subscribers on the others`}`,
);

try {
  // Alternating rounds, best of each: this machine's noise (other processes, CPU steal) hits
  // both modes alike instead of one of them.
  const memoryRuns: ThroughputResult[] = [];
  const journalRuns: ThroughputResult[] = [];
  for (let round = 0; round < (all ? rounds : 0); round++) {
    memoryRuns.push(await throughput(["--in-memory"]));
    journalRuns.push(await throughput(["--data-dir", join(work, `data-${round}`)]));
  }
  const best = (runs: typeof memoryRuns) =>
    runs.reduce((a, b) => (b.opsPerSecond > a.opsPerSecond ? b : a));
  const rows: string[][] = [];
  if (all) {
    const memory = best(memoryRuns);
    const journal = best(journalRuns);
    const ratio = journal.opsPerSecond / memory.opsPerSecond;
    rows.push(
      ["throughput", "in memory", `${Math.round(memory.opsPerSecond)} req/s`, ""],
      ["throughput", "journal (--data-dir)", `${Math.round(journal.opsPerSecond)} req/s`, ""],
      [
        "throughput ratio",
        "journal / in memory",
        ratio.toFixed(2),
        ratio >= 0.5 ? "ok (>= 0.5)" : "MISSED (>= 0.5)",
      ],
    );
  }
  // Notification fan-out: close cycles with 100 connections (100 other accounts) subscribed to
  // every channel of the instrument against none, alternating rounds; one subscriber tells the
  // cost of building the notifications from the cost of sending them to many.
  const quietRuns: CloseRate[] = [];
  const oneRuns: CloseRate[] = [];
  const busyRuns: CloseRate[] = [];
  // The same with the server's notification linger (not the default): fewer, larger writes.
  const lingerRuns: CloseRate[] = [];
  const ceilingRuns: CloseRate[] = [];
  // The subscribers' book and trades at 100ms (their user.* channels stay raw): what the same
  // subscribers cost on the aggregated channels, default server.
  const aggregatedRuns: CloseRate[] = [];
  for (let round = 0; round < rounds; round++) {
    quietRuns.push(await subscribedClose(0));
    oneRuns.push(await subscribedClose(1));
    busyRuns.push(await subscribedClose(SUBSCRIBERS));
    lingerRuns.push(
      await subscribedClose(SUBSCRIBERS, ["--notification-linger-ms", String(LINGER_MS)]),
    );
    ceilingRuns.push(await subscribedClose(SUBSCRIBERS, CEILING_ARGS));
    aggregatedRuns.push(await subscribedClose(SUBSCRIBERS, [], "100ms"));
  }
  const fastest = (runs: CloseRate[]) =>
    runs.reduce((a, b) => (b.closesPerSecond > a.closesPerSecond ? b : a));
  const quiet = fastest(quietRuns);
  const one = fastest(oneRuns);
  const busy = fastest(busyRuns);
  const lingering = fastest(lingerRuns);
  const ceiling = fastest(ceilingRuns);
  const aggregated = fastest(aggregatedRuns);
  const writesOf = (r: CloseRate) =>
    r.serverWrites === undefined
      ? ""
      : `server: ${r.serverWrites.perCycle.toFixed(1)} writes per cycle, ${(r.serverWrites.bytesPerWrite / 1024).toFixed(1)} KiB each`;
  const fanRatio = busy.closesPerSecond / quiet.closesPerSecond;
  const usDiffRatio = quiet.usDiff.mean / busy.usDiff.mean;
  rows.push(
    ["close cycles", "no subscriber", `${Math.round(quiet.closesPerSecond)} /s`, ""],
    [
      "close cycles",
      "1 subscribed connection",
      `${Math.round(one.closesPerSecond)} /s (ratio ${(one.closesPerSecond / quiet.closesPerSecond).toFixed(2)})`,
      `the same frames are built for ${SUBSCRIBERS}: their ratio's ceiling`,
    ],
    [
      "close cycles",
      `${SUBSCRIBERS} subscribed connections`,
      `${Math.round(busy.closesPerSecond)} /s (${busy.notifications} notifications, ${Math.round(busy.bytes / busy.notifications)} B each)`,
      "",
    ],
    [
      "fan-out ratio",
      `close cycles/s, ${SUBSCRIBERS} subscribers / none`,
      fanRatio.toFixed(2),
      fanRatio >= 0.8 ? "ok (>= 0.8)" : "MISSED (>= 0.8)",
    ],
    [
      "close cycles",
      `${SUBSCRIBERS} subscribed, --notification-linger-ms ${LINGER_MS}`,
      `${Math.round(lingering.closesPerSecond)} /s (ratio ${(lingering.closesPerSecond / quiet.closesPerSecond).toFixed(2)})`,
      `notifications up to ${LINGER_MS} ms later under load`,
    ],
    [
      "close cycles",
      `${SUBSCRIBERS} subscribed, ${CEILING_ARGS.join(" ")} (the batching ceiling)`,
      `${Math.round(ceiling.closesPerSecond)} /s (ratio ${(ceiling.closesPerSecond / quiet.closesPerSecond).toFixed(2)})`,
      [writesOf(ceiling), "notifications up to 50 ms later"].filter((t) => t !== "").join("; "),
    ],
    [
      "close cycles",
      `${SUBSCRIBERS} subscribed, book and trades at 100ms (user.* raw)`,
      `${Math.round(aggregated.closesPerSecond)} /s (ratio ${(aggregated.closesPerSecond / quiet.closesPerSecond).toFixed(2)}; ${aggregated.notifications} notifications)`,
      "the channels Deribit and CCXT default to for market data; not the goal's raw channels",
    ],
    // close_position's own server time in the same runs. The driver's connections listen to
    // nothing, so the feed builds and publishes a command's notifications right after its answer
    // (`commandAnswerer`), and the writes to the subscribers come after, in the turn's flush.
    ...(
      [
        [quiet, "no subscriber"],
        [one, "1 subscribed connection"],
        [busy, `${SUBSCRIBERS} subscribed connections`],
      ] as const
    ).map(([r, setup]) => [
      "usDiff private/close_position",
      `close cycles, ${setup}`,
      `p50 ${r.usDiff.p50} us, mean ${r.usDiff.mean.toFixed(1)} us, p99 ${r.usDiff.p99} us`,
      "",
    ]),
    [
      "fan-out ratio, usDiff",
      `close_position's mean usDiff, no subscriber / ${SUBSCRIBERS} subscribers`,
      usDiffRatio.toFixed(2),
      `${usDiffRatio >= 0.8 ? "ok" : "MISSED"} (>= 0.8): the close_positions per second of server time`,
    ],
  );
  // Where the machine's CPU goes per cycle, and the ratio that suggests (each term is this
  // run's, with this machine's noise). Close cycles/s roughly follow the server's CPU per cycle:
  // its no-subscriber cost over its cost with subscribers is printed beside the measured ratio.
  // The floor: what the kernel and Node's streams charge a plain writer (and a plain reader) for
  // the busy run's bytes alone (no WebSocket, no JSON), in writes of the size the server made
  // and of 256 KiB, in this run. A server spends about its no-subscriber cost, plus building the
  // notifications (the 1-subscriber run's extra), plus that floor per cycle (`fanoutEstimate`);
  // per-cycle costs move with the rate, so none of this is a bound.
  if (quiet.cpu !== undefined && one.cpu !== undefined && busy.cpu !== undefined) {
    const q = quiet.cpu;
    const b = busy.cpu;
    const building = Math.max(0, one.cpu.server - q.server);
    const us = (n: number) => `${Math.round(n)} us`;
    const bytesPerCycle = busy.bytes / (FANOUT_WARMUP + FANOUT_CYCLES);
    const sizes = [FLOOR_WRITE_SIZE];
    const made = busy.serverWrites?.bytesPerWrite;
    const madeSize = made === undefined ? undefined : Math.round(made);
    if (madeSize !== undefined) sizes.unshift(madeSize);
    const predicted = (r: CloseRate) =>
      r.cpu === undefined
        ? undefined
        : `${(q.server / r.cpu.server).toFixed(2)} (measured ${(r.closesPerSecond / quiet.closesPerSecond).toFixed(2)})`;
    rows.push(
      [
        "CPU per close cycle",
        "no subscriber",
        `server ${us(q.server)}, driver ${us(q.driver)}`,
        "",
      ],
      [
        "CPU per close cycle",
        "1 subscribed connection",
        `server ${us(one.cpu.server)}, driver ${us(one.cpu.driver)}, subscriber's process ${us(one.cpu.listeners)}`,
        `building the notifications: ~${us(building)}`,
      ],
      [
        "CPU per close cycle",
        `${SUBSCRIBERS} subscribed connections`,
        `server ${us(b.server)}, driver ${us(b.driver)}, subscribers' process ${us(b.listeners)}`,
        writesOf(busy),
      ],
    );
    if (ceiling.cpu !== undefined)
      rows.push([
        "CPU per close cycle",
        `${SUBSCRIBERS} subscribed connections, the batching ceiling`,
        `server ${us(ceiling.cpu.server)}, driver ${us(ceiling.cpu.driver)}, subscribers' process ${us(ceiling.cpu.listeners)}`,
        writesOf(ceiling),
      ]);
    const ceilingPredicted = predicted(ceiling);
    rows.push([
      "fan-out ratio from server CPU",
      `server CPU per cycle, no subscriber / ${SUBSCRIBERS} subscribers`,
      [predicted(busy), ceilingPredicted && `the batching ceiling ${ceilingPredicted}`]
        .filter((t) => t !== undefined)
        .join("; "),
      "the ratio if close cycles/s followed the server's CPU per cycle",
    ]);
    for (const size of sizes) {
      const send = await measureSendCost({
        connections: SUBSCRIBERS,
        writeSize: size,
        totalBytes: 1e9,
      });
      const writer = send.writerMicrosPerByte * bytesPerCycle;
      const reader = (send.readerMicrosPerByte ?? 0) * bytesPerCycle;
      const estimate = fanoutEstimate({
        quietServer: q.server,
        quietDriver: q.driver,
        building,
        writer,
        reader,
      });
      const kib = `${(size / 1024).toFixed(1)} KiB writes${size === madeSize ? " (the server's)" : ""}`;
      rows.push(
        [
          "CPU per close cycle",
          `the floor: ${Math.round(bytesPerCycle)} B to ${SUBSCRIBERS} loopback sockets, ${kib}`,
          `writer ${us(writer)}, reader ${us(reader)}`,
          "a plain writer, no WebSocket or JSON",
        ],
        [
          "fan-out ratio estimate",
          `no-subscriber cost + building + the floor at ${kib}, ${estimate.by === "server" ? "the server's CPU" : `all processes on ${cpus} CPUs`}`,
          estimate.ratio.toFixed(2),
          "from this run's costs, which move with the rate: not a bound",
        ],
      );
    }
  }
  if (all) await latencyRows(rows);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(["measure", "setup", "value", "goal"]));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
  console.log(
    `(fan-out: close cycles/s no subscriber ${quietRuns.map((r) => Math.round(r.closesPerSecond)).join(", ")}, ${SUBSCRIBERS} subscribers ${busyRuns.map((r) => Math.round(r.closesPerSecond)).join(", ")}; the subscribers read ${Math.round(busy.bytes / (FANOUT_WARMUP + FANOUT_CYCLES))} B per cycle, ${((busy.closesPerSecond * busy.bytes) / (FANOUT_WARMUP + FANOUT_CYCLES) / 1e6).toFixed(0)} MB/s at the best rate)`,
  );
  // Each round's runs are adjacent in time: their ratios to the same round's no-subscriber run
  // are less exposed to the machine's drift than the best over the best.
  const roundsOf = (runs: CloseRate[]) => {
    const ratios = runs.map((r, i) => r.closesPerSecond / quietRuns[i]!.closesPerSecond);
    return `${ratios.map((x) => x.toFixed(2)).join(", ")} (median ${median(ratios).toFixed(2)})`;
  };
  const usDiffRounds = busyRuns.map((r, i) => quietRuns[i]!.usDiff.mean / r.usDiff.mean);
  console.log(
    `(usDiff ratio per round, close_position's mean usDiff with no subscriber over that with ${SUBSCRIBERS}: ${usDiffRounds.map((x) => x.toFixed(2)).join(", ")} (median ${median(usDiffRounds).toFixed(2)}))`,
  );
  console.log(
    `(fan-out ratio per round, against the same round's no-subscriber run: ${SUBSCRIBERS} subscribers ${roundsOf(busyRuns)}; the batching ceiling ${roundsOf(ceilingRuns)}; book and trades at 100ms ${roundsOf(aggregatedRuns)})`,
  );
  if (all) {
    const memory = best(memoryRuns);
    const journal = best(journalRuns);
    console.log(
      `(throughput: ${CONNECTIONS} WebSocket connections x ${WINDOW} requests in flight, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up, best of ${rounds} alternating rounds; in memory ${memoryRuns.map((r) => Math.round(r.opsPerSecond)).join(", ")}, journal ${journalRuns.map((r) => Math.round(r.opsPerSecond)).join(", ")} req/s; rejected orders are answers too: in memory ${memory.errors}, journal ${journal.errors})`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The middle value of `xs` (the mean of the two middle ones for an even count). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The usDiff phases: close_position in memory (one at a time, in bursts), the floor, the journal. */
async function latencyRows(rows: string[][]): Promise<void> {
  // The floor: public/test (no work at all) one call at a time, what waking an idle server and
  // the dispatcher cost before any handler runs.
  const floorServer = await startServer(["--accounts", accounts, "--in-memory"]);
  let floor: UsDiffStats;
  try {
    floor = await measureMethodUsDiff(
      floorServer.wsUrl,
      "public/test",
      {},
      {
        warmup: 1_000,
        calls: 10_000,
      },
    );
  } finally {
    await floorServer.stop();
  }
  const latencyRuns = [
    ["in memory, one call at a time", await usDiff(["--in-memory"], 10_000, 1)],
    ["in memory, 16 cycles per burst", await usDiff(["--in-memory"], 20_000, 16)],
  ] as const;
  for (const [setup, results] of latencyRuns) {
    for (const s of results) {
      const goal =
        s.method !== "private/close_position"
          ? ""
          : s.p50 <= 5 && s.p99 <= 50
            ? "ok (p50 <= 5, p99 <= 50)"
            : `MISSED (p50 <= 5${s.p50 <= 5 ? " ok" : ""}, p99 <= 50${s.p99 <= 50 ? " ok" : ""}; floor p50 ${floor.p50})`;
      rows.push([
        `usDiff ${s.method}`,
        `${setup}, n=${s.count}`,
        `p50 ${s.p50} us, p99 ${s.p99} us, max ${s.max} us`,
        goal,
      ]);
    }
  }
  rows.push([
    "usDiff public/test",
    `in memory, one call at a time, n=${floor.count}`,
    `p50 ${floor.p50} us, p99 ${floor.p99} us, max ${floor.max} us`,
    "the floor: a method with no work",
  ]);
  const durable = await usDiff(["--data-dir", join(work, "data-latency")], 500, 1);
  for (const s of durable) {
    rows.push([
      `usDiff ${s.method}`,
      `journal, one call at a time, n=${s.count}`,
      `p50 ${s.p50} us, p99 ${s.p99} us, max ${s.max} us`,
      "includes the fsync",
    ]);
  }
}
