import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createClient } from "../createClient.js";
import { measure, median, type Run } from "./measure.js";
import { rawWsClient } from "./rawWsClient.js";

/**
 * Client overhead per call: throughput of `@unwind/client` (its generated typed functions over
 * WebSocket) against a hand-written raw `ws` client sending the same requests to the same
 * server, which runs in a child process. Short runs in adjacent pairs, alternating which side
 * goes first: a noisy neighbour slows both runs of a pair alike, so the median of the per-pair
 * ratios is stable where absolute rates are not. The client process's CPU time per call is
 * reported too: the server is elsewhere, so it is the client's own cost. Bounded: fixed call counts, a time budget,
 * 127.0.0.1 only.
 */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 25);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 60_000);
const GOAL = 0.9;

const server = fork(fileURLToPath(new URL("./benchServer.js", import.meta.url)));
const { wsUrl } = await new Promise<{ wsUrl: string }>((resolve) =>
  server.once("message", resolve as () => void),
);
const credentials = { client_id: "trader-a", client_secret: "secret-a" };

const raw = await rawWsClient(wsUrl);
await raw.call("public/auth", { grant_type: "client_credentials", ...credentials });
const client = createClient({
  wsUrl,
  auth: { clientId: credentials.client_id, clientSecret: credentials.client_secret },
});
await client.authenticate();

const close = { instrument_name: "BTC-PERPETUAL", type: "limit", price: "50000" } as const;
const scenarios = [
  {
    name: "public/test, 1 in flight",
    method: "public/test",
    params: {},
    typed: () => client.test(),
    calls: 1_000,
    concurrency: 1,
  },
  {
    name: "public/test, 100 in flight",
    method: "public/test",
    params: {},
    typed: () => client.test(),
    calls: 4_000,
    concurrency: 100,
  },
  {
    name: "private/close_position, 100 in flight",
    method: "private/close_position",
    params: close,
    typed: () => client.closePosition(close),
    calls: 4_000,
    concurrency: 100,
  },
];

const started = Date.now();
const rows: Record<string, string | number>[] = [];
for (const s of scenarios) {
  const runRaw = () => measure(() => raw.call(s.method, s.params), s.calls, s.concurrency);
  const runClient = () => measure(s.typed, s.calls, s.concurrency);
  await runRaw(); // warm-up
  await runClient();
  const rawRuns: Run[] = [];
  const clientRuns: Run[] = [];
  const ratios: number[] = [];
  for (let pair = 0; pair < PAIRS && Date.now() - started < BUDGET_MS; pair++) {
    let rawRun: Run;
    let clientRun: Run;
    if (pair % 2 === 0) {
      rawRun = await runRaw();
      clientRun = await runClient();
    } else {
      clientRun = await runClient();
      rawRun = await runRaw();
    }
    rawRuns.push(rawRun);
    clientRuns.push(clientRun);
    ratios.push(clientRun.rate / rawRun.rate);
  }
  const ratio = median(ratios);
  const rawCpu = median(rawRuns.map((r) => r.cpuMicrosPerCall));
  const clientCpu = median(clientRuns.map((r) => r.cpuMicrosPerCall));
  rows.push({
    scenario: s.name,
    "raw calls/s": Math.round(median(rawRuns.map((r) => r.rate))),
    "client calls/s": Math.round(median(clientRuns.map((r) => r.rate))),
    ratio: Number(ratio.toFixed(3)),
    "pair ratios": `${Math.min(...ratios).toFixed(2)}..${Math.max(...ratios).toFixed(2)}`,
    "raw CPU us/call": Number(rawCpu.toFixed(2)),
    "client CPU us/call": Number(clientCpu.toFixed(2)),
    "CPU ratio": Number((rawCpu / clientCpu).toFixed(3)),
    goal: ratio >= GOAL ? `>= ${GOAL} ok` : `< ${GOAL} MISSED`,
  });
}

console.log(
  `@unwind/client vs a raw ws client: median of ${PAIRS} run pairs per scenario, server in a child process; goal: throughput ratio >= ${GOAL} (${Date.now() - started} ms)`,
);
console.table(rows);
raw.close();
await client.close();
server.send("close");
await new Promise((resolve) => server.once("exit", resolve));
