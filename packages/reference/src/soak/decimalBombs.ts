import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SoakOptions, SoakResult } from "./SoakResult.js";

// Run from src/soak (vitest) or dist/soak: the built CLI is two levels up either way.
const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
/** alice's TEST-ONLY key from accounts.default.json. */
const ALICE = `Basic ${Buffer.from("fo7WAPRm4P:W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS").toString("base64")}`;
const ANSWER_TIMEOUT_MS = 10_000;
const BOMBERS = 2;

/**
 * The decimal-bombs soak: two clients send `private/buy` prices built to cost the server time or
 * memory (a price of `"1000."` and 200,000 zeros, prices with thousands of distinct precisions
 * beyond and within the 64-character limit, JSON numbers from 5e-2 down to 5e-320), while a third client
 * calls `public/test` one call at a time and times each answer. Reports the server's RSS, the
 * answers by code and the probe's latency percentiles.
 * @example const r = await decimalBombs({ durationMs: 60_000, log: console.log });
 */
export async function decimalBombs(options: SoakOptions): Promise<SoakResult> {
  const server = await startServer();
  let rssMax = 0;
  const sampleRss = () => {
    const bytes = readRss(server.pid);
    rssMax = Math.max(rssMax, bytes);
    return bytes;
  };
  sampleRss();
  const sampler = setInterval(sampleRss, 100);
  const deadline = Date.now() + options.durationMs;
  const codes = new Map<string, number>();
  const precisions = new Set<number>();
  const latencies: number[] = [];
  let unanswered = 0;
  const call = async (method: string, params: Record<string, unknown>) => {
    try {
      const res = await fetch(`${server.url}/api/v2`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: ALICE },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      });
      const body = (await res.json()) as { error?: { code: number } };
      return body.error === undefined ? "ok" : String(body.error.code);
    } catch {
      unanswered++;
      return undefined;
    }
  };
  const bomber = async (first: number) => {
    for (let i = first; Date.now() < deadline; i += BOMBERS) {
      const { price, scale } = bomb(i);
      if (scale !== undefined) precisions.add(scale);
      const code = await call("private/buy", {
        instrument_name: "BTC-PERPETUAL",
        amount: "10",
        price,
      });
      if (code !== undefined) codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  };
  const prober = async () => {
    while (Date.now() < deadline) {
      const start = performance.now();
      if ((await call("public/test", {})) !== undefined) latencies.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const progress = setInterval(() => {
    const bombs = [...codes.values()].reduce((a, b) => a + b, 0);
    options.log(`${bombs} bombs, ${latencies.length} probes, RSS ${mib(rssMax)} peak`);
  }, 10_000);
  try {
    await Promise.all([...Array.from({ length: BOMBERS }, (_, i) => bomber(i)), prober()]);
    const start = performance.now();
    const after = await call("public/test", {});
    const afterNote =
      after === "ok"
        ? `after the run, public/test answered in ${(performance.now() - start).toFixed(1)} ms`
        : `after the run, public/test did not answer (${after ?? "timeout"})`;
    const rssEnd = sampleRss();
    const bombs = [...codes.values()].reduce((a, b) => a + b, 0);
    const byCode = [...codes].map(([code, n]) => `${code}: ${n}`).join(", ");
    latencies.sort((a, b) => a - b);
    const at = (q: number) => (latencies[Math.floor(q * (latencies.length - 1))] ?? NaN).toFixed(1);
    return {
      name: "decimal-bombs",
      answered: bombs + latencies.length + (after === undefined ? 0 : 1),
      rssMaxBytes: rssMax,
      rssEndBytes: rssEnd,
      lostAcknowledged: 0,
      notes: [
        `bombs: ${bombs} answered (${byCode}), ${precisions.size} distinct precisions, ${unanswered} unanswered within ${ANSWER_TIMEOUT_MS / 1000} s`,
        `public/test while bombed: p99 ${at(0.99)} ms, p50 ${at(0.5)} ms, max ${at(1)} ms over ${latencies.length} calls`,
        afterNote,
      ],
    };
  } finally {
    clearInterval(sampler);
    clearInterval(progress);
    await server.stop();
  }
}

/**
 * The i-th bomb: a price of 200,000 trailing zeros; a distinct precision past the 64-character
 * limit (-32602 before the engine); a distinct precision within it (the engine reads it: 10043);
 * a JSON number with a distinct exponent from 5e-2 (read through its shortest form: 10043).
 */
function bomb(i: number): { price: string | number; scale?: number } {
  const k = Math.floor(i / 4);
  switch (i % 4) {
    case 0:
      return { price: `1000.${"0".repeat(200_000)}` };
    case 1: {
      const scale = 64 + (k % 20_000);
      return { price: `50000.${"0".repeat(scale - 1)}1`, scale };
    }
    case 2: {
      const scale = 1 + (k % 57);
      return { price: `50000.${"0".repeat(scale - 1)}1`, scale };
    }
    default: {
      const scale = 2 + (k % 319);
      return { price: Number(`5e-${scale}`), scale };
    }
  }
}

function readRss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m === null ? 0 : Number(m[1]) * 1024;
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** Starts `dist/cli.js --in-memory` on 127.0.0.1 with a free port; stop() ends it and waits. */
async function startServer(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, "--host", "127.0.0.1", "--port", "0", "--in-memory"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    void exited.then(() => reject(new Error(`${cli} exited before it was listening`)));
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^listening (\S+) /.exec(out);
      if (m !== null) resolve(m[1]!);
    });
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.kill("SIGTERM");
      const killed = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(killed);
    },
  };
}
