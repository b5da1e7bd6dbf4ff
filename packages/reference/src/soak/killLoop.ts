import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mulberry32 } from "@unwind/engine";
import { ALICE, BOB } from "../testing/rpc.test-helpers.js";
import { RpcSocket } from "./RpcSocket.js";
import type { SoakOptions, SoakResult } from "./SoakResult.js";
import { rssBytes, type SoakServer, startSoakServer } from "./soakServer.js";

/** An order whose `private/buy`/`sell` answer arrived: durable, so it must survive any kill. */
interface Acknowledged {
  key: number;
  orderId: string;
}

const KEYS = [ALICE, BOB];
/** Orders in flight per connection. */
const WINDOW = 16;
/** Acknowledged orders of earlier cycles checked again after the last restart (a random sample). */
const RECHECK = 2_000;

/**
 * Keeps {@link WINDOW} orders in flight per connection until the returned stop is called: four in
 * five rest far from 50,000 (bids below 40,000, asks above 60,000: the snapshot grows), one in
 * five crosses at 50,000 +- 5 and trades with the other account.
 */
function load(sockets: RpcSocket[], acknowledged: Acknowledged[], count: () => void): () => void {
  let stopped = false;
  let n = 0;
  sockets.forEach((socket, key) => {
    const send = (): void => {
      if (stopped) return;
      const i = n++;
      const buy = (i + key) % 2 === 0;
      const away = (i % 40_000) / 2;
      const price = i % 5 === 0 ? 50_000 + (buy ? 5 : -5) : buy ? 40_000 - away : 60_000 + away;
      socket
        .call(buy ? "private/buy" : "private/sell", {
          instrument_name: "BTC-PERPETUAL",
          amount: "10",
          price: String(price),
        })
        .then(
          (answer) => {
            count();
            const orderId = answer.result?.order?.order_id;
            if (orderId !== undefined) acknowledged.push({ key, orderId });
            send();
          },
          () => {}, // the server was killed: never answered, so never acknowledged
        );
    };
    for (let w = 0; w < WINDOW; w++) send();
  });
  return () => {
    stopped = true;
  };
}

/** How many of `orders` `private/get_order_state` does not know (10004), 32 calls in flight. */
async function missing(sockets: RpcSocket[], orders: Acknowledged[], count: () => void) {
  let lost = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < orders.length) {
      const { key, orderId } = orders[next++]!;
      const answer = await sockets[key]!.call("private/get_order_state", { order_id: orderId });
      count();
      if (answer.error?.code === 10004) lost++;
      else if (answer.result === undefined) {
        throw new Error(`get_order_state ${orderId} answered ${JSON.stringify(answer.error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return lost;
}

/**
 * The `kill-9-loop` soak: a reference server with a data dir under two accounts' trading load
 * that keeps growing the snapshot is killed with SIGKILL at random moments and restarted, until
 * `durationMs` is over. After each restart every order acknowledged before the kill is looked up
 * with `private/get_order_state`; after the last one, a sample of all earlier ones too.
 */
export async function killLoop(options: SoakOptions): Promise<SoakResult> {
  const { durationMs, log } = options;
  const seed = (Date.now() * 2654435761) >>> 0;
  // mulberry32: a run's kill moments can be replayed from its seed.
  const rng = mulberry32(seed);
  const dir = mkdtempSync(join(tmpdir(), "unwind-kill-loop-"));
  // From the first listening line on: starting the first server is not part of the load.
  let deadline = Number.POSITIVE_INFINITY;
  let answered = 0;
  const count = (): void => {
    answered++;
  };
  let rssMax = 0;
  let rssEnd = 0;
  let lost = 0;
  let acknowledged = 0;
  let kills = 0;
  let snapshotMax = 0;
  let restartMax = 0;
  const torn: number[] = [];
  let pending: Acknowledged[] = [];
  const earlier: Acknowledged[] = [];
  let offered = 0;
  let server: SoakServer | undefined;
  let sockets: RpcSocket[] = [];
  const notes: string[] = [];
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, rssBytes(server?.child.pid));
  }, 50);
  try {
    for (;;) {
      const started = performance.now();
      server = await startSoakServer(["--data-dir", dir, "--snapshot-every", "1000"]);
      if (kills === 0) deadline = performance.now() + durationMs;
      else restartMax = Math.max(restartMax, performance.now() - started);
      const cut = /cut (\d+) bytes/.exec(server.stderr());
      if (cut !== null) torn.push(Number(cut[1]));
      const wsUrl = server.wsUrl;
      sockets = await Promise.all(KEYS.map(() => RpcSocket.open(wsUrl)));
      await Promise.all(sockets.map((s, k) => s.auth(KEYS[k]!)));
      const last = performance.now() >= deadline;
      const check = last ? [...pending, ...earlier] : pending;
      const gone = await missing(sockets, check, count);
      lost += gone;
      acknowledged += pending.length;
      log(
        `kill-9-loop: restart ${kills}: ${pending.length} acknowledged before the kill, ${gone} missing${last ? ` (and ${earlier.length} earlier ones rechecked)` : ""}; snapshot ${(snapshotMax / 2 ** 20).toFixed(1)} MiB`,
      );
      for (const order of pending) {
        // A reservoir sample of every acknowledged order, rechecked after the last restart.
        offered++;
        const slot = earlier.length < RECHECK ? earlier.length : Math.floor(rng() * offered);
        if (slot < RECHECK) earlier[slot] = order;
      }
      pending = [];
      if (last) {
        const test = await sockets[0]!.call("public/test");
        count();
        notes.push(
          `public/test after the last restart: ${test.result === undefined ? "no answer" : "answered"}`,
        );
        rssEnd = rssBytes(server.child.pid);
        rssMax = Math.max(rssMax, rssEnd);
        for (const s of sockets) s.terminate();
        server.child.kill("SIGTERM");
        const exit = await server.exited;
        notes.push(`the last server stopped on SIGTERM with exit code ${exit.code}`);
        break;
      }
      const stop = load(sockets, pending, count);
      const ms = Math.min(Math.max(0, deadline - performance.now()), 50 + rng() * 950);
      await new Promise((resolve) => setTimeout(resolve, ms));
      server.child.kill("SIGKILL");
      await server.exited;
      stop();
      for (const s of sockets) s.terminate();
      kills++;
      snapshotMax = Math.max(snapshotMax, statSync(join(dir, "snapshot.bin")).size);
    }
  } catch (error) {
    // A restart refused (or a lookup failed): nothing acknowledged since the last check is known.
    lost += pending.length;
    notes.push(`stopped early: ${(error as Error).message.split("\n")[0]}`);
    notes.push(`counted as lost: the ${pending.length} acknowledged orders not yet checked`);
  } finally {
    clearInterval(sampler);
    for (const s of sockets) s.terminate();
    if (server !== undefined && server.child.exitCode === null) server.child.kill("SIGKILL");
  }
  notes.push(
    `${kills} kills with SIGKILL at random moments (seed ${seed}), ${acknowledged} acknowledged orders checked after the restart that followed their kill, ${lost} missing`,
  );
  notes.push(
    `snapshot grew to ${(snapshotMax / 2 ** 20).toFixed(2)} MiB; slowest restart to the listening line ${Math.round(restartMax)} ms; torn tails cut: ${torn.length} (${torn.reduce((a, b) => a + b, 0)} bytes, never acknowledged)`,
  );
  if (lost === 0) rmSync(dir, { recursive: true, force: true });
  else notes.push(`the data dir is kept for inspection: ${dir}`);
  return {
    name: "kill-9-loop",
    answered,
    rssMaxBytes: rssMax,
    rssEndBytes: rssEnd,
    lostAcknowledged: lost,
    notes,
  };
}
