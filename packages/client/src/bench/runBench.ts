import { Worker } from "node:worker_threads";
import { createClient } from "../createClient.js";
import { measure, median } from "./measure.js";
import { rawWsClient } from "./rawWsClient.js";

/**
 * Client overhead per call: throughput of `@unwind/client` over WebSocket against a hand-written
 * raw `ws` client sending the same requests to the same server (in a worker thread), rounds
 * interleaved, medians compared. Bounded: fixed call counts and a time budget, 127.0.0.1 only.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_MS ?? 60_000);
const GOAL = 0.9;

const worker = new Worker(new URL("./benchServer.js", import.meta.url));
const { wsUrl } = await new Promise<{ wsUrl: string }>((resolve) =>
  worker.once("message", resolve),
);
const credentials = { client_id: "trader-a", client_secret: "secret-a" };

const raw = await rawWsClient(wsUrl);
await raw.call("public/auth", { grant_type: "client_credentials", ...credentials });
const client = createClient({
  wsUrl,
  auth: { clientId: credentials.client_id, clientSecret: credentials.client_secret },
});
await client.authenticate();

const scenarios = [
  {
    name: "public/test, 1 in flight",
    method: "public/test",
    params: {},
    total: 3_000,
    concurrency: 1,
  },
  {
    name: "public/test, 100 in flight",
    method: "public/test",
    params: {},
    total: 20_000,
    concurrency: 100,
  },
  {
    name: "private/close_position, 100 in flight",
    method: "private/close_position",
    params: { instrument_name: "BTC-PERPETUAL", type: "limit", price: "50000" },
    total: 20_000,
    concurrency: 100,
  },
];

const started = Date.now();
const rows: {
  scenario: string;
  "raw ws calls/s": number;
  "client calls/s": number;
  ratio: number;
  goal: string;
}[] = [];
for (const s of scenarios) {
  const rawRuns: number[] = [];
  const clientRuns: number[] = [];
  // warm-up, then interleaved rounds so drift hits both sides alike
  await measure(() => raw.call(s.method, s.params), s.total / 4, s.concurrency);
  await measure(() => client.request(s.method, s.params), s.total / 4, s.concurrency);
  for (let round = 0; round < ROUNDS && Date.now() - started < BUDGET_MS; round++) {
    // alternate which side goes first, so neither always runs on a warmer or quieter machine
    const runRaw = async () =>
      rawRuns.push(await measure(() => raw.call(s.method, s.params), s.total, s.concurrency));
    const runClient = async () =>
      clientRuns.push(
        await measure(() => client.request(s.method, s.params), s.total, s.concurrency),
      );
    if (round % 2 === 0) await runRaw().then(runClient);
    else await runClient().then(runRaw);
  }
  const rawRate = median(rawRuns);
  const clientRate = median(clientRuns);
  const ratio = clientRate / rawRate;
  rows.push({
    scenario: s.name,
    "raw ws calls/s": Math.round(rawRate),
    "client calls/s": Math.round(clientRate),
    ratio: Number(ratio.toFixed(3)),
    goal: ratio >= GOAL ? `>= ${GOAL} ok` : `< ${GOAL} MISSED`,
  });
}

console.log(
  `@unwind/client vs raw ws (${ROUNDS} rounds, medians, server in a worker thread, ${Date.now() - started} ms)`,
);
console.table(rows);
raw.close();
await client.close();
worker.postMessage("close");
await new Promise((resolve) => worker.once("message", resolve));
await worker.terminate();
