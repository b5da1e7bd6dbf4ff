import { startReferenceServer } from "@unwind/reference";
import { runSuite } from "./src/core/runSuite.ts";

const s = await startReferenceServer({ port: 0 });
const accounts = {
  maker: { id: "fo7WAPRm4P", secret: "W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS" },
  taker: { id: "bob-key", secret: "bob-secret-TEST-ONLY" },
};
const t0 = Date.now();
const r = await runSuite({
  target: { httpUrl: s.url, wsUrl: s.wsUrl },
  accounts,
  seed: 1,
  onEvent: (e) => {
    if (e.type === "scenario-end" && e.durationMs > 200)
      console.log(e.scenario, e.transport, Math.round(e.durationMs));
  },
});
for (const x of r.results)
  if (x.status === "failed")
    console.log(
      x.transport,
      x.scenario,
      x.id,
      x.method,
      x.status,
      x.details.slice(0, 400),
      "\n   ",
      x.exchange
        ? x.exchange.request.slice(0, 200) + " => " + (x.exchange.responseText ?? "").slice(0, 300)
        : "",
    );
console.log(
  r.results.length,
  "results",
  r.results.filter((x) => x.status === "passed").length,
  "passed",
  Date.now() - t0,
  "ms",
);
await s.close();
const by: Record<string, number[]> = {};
for (const e of r.exchanges) (by[e.transport + " " + (e.scenario ?? "")] ??= []).push(e.durationMs);
for (const [k, v] of Object.entries(by)) {
  v.sort((a, b) => a - b);
  console.log(
    k.padEnd(40),
    v.length,
    "p50",
    v[Math.floor(v.length / 2)].toFixed(1),
    "p99",
    v[Math.floor(v.length * 0.99)].toFixed(1),
    "max",
    v.at(-1)!.toFixed(1),
    "sum",
    v.reduce((a, b) => a + b, 0).toFixed(0),
  );
}
