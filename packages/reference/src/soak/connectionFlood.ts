import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import type { SoakOptions, SoakResult } from "./SoakResult.js";
import { rssBytes } from "./soakServer.js";

const FLOODER = "127.0.0.1";
const GOOD = "127.0.0.2";
/** Open attempts the flooder keeps in flight. */
const CONCURRENCY = 16;
/** An answer slower than this counts as not served. */
const SLOW_MS = 2_000;

const cli = join(fileURLToPath(new URL("../..", import.meta.url)), "dist", "cli.js");

function startServer(args: string[]): Promise<{ child: ChildProcess; wsUrl: string; url: string }> {
  const child = spawn(process.execPath, [cli, "--host", FLOODER, "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.resume();
  return new Promise((resolve, reject) => {
    let out = "";
    child.once("exit", (code) =>
      reject(new Error(`the server exited with ${code} before listening`)),
    );
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^listening (\S+) (\S+)\n/.exec(out);
      if (m !== null) {
        child.removeAllListeners("exit");
        resolve({ child, url: m[1]!, wsUrl: m[2]! });
      }
    });
  });
}

type Opened = { ws: WebSocket } | { refused: number } | { error: string };

/** Opens a WebSocket from `localAddress`, or says how it was refused. */
function open(wsUrl: string, localAddress: string): Promise<Opened> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl, { localAddress, perMessageDeflate: false });
    ws.once("open", () => resolve({ ws }));
    ws.once("unexpected-response", (_req, res) => {
      res.resume();
      resolve({ refused: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once("error", (e) => resolve({ error: e.message }));
  });
}

/** One `public/test` on an open socket; resolves with the latency in ms, or -1 when not served in time. */
function ping(ws: WebSocket, id: number): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(-1), SLOW_MS);
    const onMessage = (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { id?: unknown }).id === id)
        done(performance.now() - start);
    };
    const done = (ms: number) => {
      clearTimeout(timer);
      ws.off("message", onMessage);
      resolve(ms);
    };
    ws.on("message", onMessage);
    ws.send(JSON.stringify({ jsonrpc: "2.0", id, method: "public/test" }));
  });
}

/** Opens a fresh connection from `address`, calls `public/test` once, closes: whether it was served. */
async function freshCall(wsUrl: string, address: string): Promise<boolean> {
  const o = await open(wsUrl, address);
  if (!("ws" in o)) return false;
  const ms = await ping(o.ws, 1);
  o.ws.terminate();
  return ms >= 0;
}

/**
 * The connection flood of `pnpm soak`: idle WebSockets from 127.0.0.1 up to and beyond the
 * per-address cap, opened again as fast as they are refused or closed, while a client on
 * 127.0.0.2 calls `public/test` on one connection every 50 ms and opens a fresh connection every
 * 500 ms. Reports the refusals, the server's RSS, and whether the good client was served
 * throughout (every call answered within 2 s).
 */
export async function connectionFlood(
  options: SoakOptions & {
    /**
     * The server's idle timeout for unauthenticated connections; by default short enough that
     * the run sees idle connections closed and reopened (a quarter of the run, 1 to 30 s).
     */
    idleSeconds?: number;
  },
): Promise<SoakResult> {
  const { durationMs, log } = options;
  const idleSeconds =
    options.idleSeconds ?? Math.max(1, Math.min(30, Math.floor(durationMs / 4000)));
  const server = await startServer(["--in-memory", "--ws-idle-timeout", String(idleSeconds)]);
  const pid = server.child.pid!;
  log(`connection-flood: server pid ${pid}, ${server.wsUrl}, idle timeout ${idleSeconds} s`);
  const deadline = Date.now() + durationMs;
  const flood = new Set<WebSocket>();
  const counts = { opened: 0, refused: 0, idleClosed: 0, errors: 0, maxOpen: 0 };
  const refusedBy = new Map<number, number>();
  let rssMax = 0;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, rssBytes(pid));
  }, 200);

  async function flooder(): Promise<void> {
    while (Date.now() < deadline) {
      const o = await open(server.wsUrl, FLOODER);
      if ("ws" in o) {
        counts.opened++;
        flood.add(o.ws);
        counts.maxOpen = Math.max(counts.maxOpen, flood.size);
        o.ws.on("error", () => {});
        o.ws.once("close", (code) => {
          flood.delete(o.ws);
          if (code === 1008) counts.idleClosed++;
        });
      } else {
        if ("refused" in o) {
          counts.refused++;
          refusedBy.set(o.refused, (refusedBy.get(o.refused) ?? 0) + 1);
        } else counts.errors++;
        // Refusals come back at once: pace the retries so the flood does not only measure CPU.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }

  const good = { answered: 0, failed: 0, maxMs: 0, fresh: 0, freshFailed: 0 };
  async function goodClient(): Promise<void> {
    const o = await open(server.wsUrl, GOOD);
    if (!("ws" in o)) {
      good.failed++;
      return;
    }
    let id = 0;
    let nextFresh = Date.now();
    while (Date.now() < deadline) {
      const ms = await ping(o.ws, ++id);
      if (ms < 0) good.failed++;
      else {
        good.answered++;
        good.maxMs = Math.max(good.maxMs, ms);
      }
      if (Date.now() >= nextFresh) {
        nextFresh += 500;
        good.fresh++;
        if (await freshCall(server.wsUrl, GOOD)) good.answered++;
        else good.freshFailed++;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    o.ws.terminate();
  }

  await Promise.all([...Array.from({ length: CONCURRENCY }, flooder), goodClient()]);
  clearInterval(sampler);
  const rssEnd = rssBytes(pid);
  rssMax = Math.max(rssMax, rssEnd);
  for (const ws of flood) ws.terminate();
  // Once the flood is gone, its address is served again, and so is the other one.
  let afterFlood = false;
  for (let tries = 0; tries < 20 && !afterFlood; tries++) {
    afterFlood = await freshCall(server.wsUrl, FLOODER);
    if (!afterFlood) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const afterGood = await freshCall(server.wsUrl, GOOD);
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => server.child.kill("SIGKILL"), 5_000);
    server.child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    server.child.kill("SIGTERM");
  });
  const servedThroughout = good.failed === 0 && good.freshFailed === 0;
  const byStatus = [...refusedBy].map(([status, n]) => `${n} x ${status}`).join(", ") || "none";
  const notes = [
    `flood from ${FLOODER}: ${counts.opened} connections opened (at most ${counts.maxOpen} at once as the client sees them, which learns of a close a moment after the server), ${counts.refused} refused (${byStatus}), ${counts.idleClosed} closed idle (1008), ${counts.errors} other errors`,
    `good client on ${GOOD}: ${good.answered} public/test answered, ${good.failed} not within ${SLOW_MS} ms, slowest ${good.maxMs.toFixed(1)} ms; ${good.fresh} fresh connections, ${good.freshFailed} not served`,
    `good client served throughout: ${servedThroughout ? "yes" : "no"}`,
    `after the flood: public/test answered from ${FLOODER}: ${afterFlood ? "yes" : "no"}, from ${GOOD}: ${afterGood ? "yes" : "no"}`,
  ];
  for (const note of notes) log(`connection-flood: ${note}`);
  return {
    name: "connection-flood",
    answered: good.answered + (afterFlood ? 1 : 0) + (afterGood ? 1 : 0),
    rssMaxBytes: rssMax,
    rssEndBytes: rssEnd,
    lostAcknowledged: 0,
    notes,
  };
}
