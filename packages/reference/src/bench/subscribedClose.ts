import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { WsClient } from "../testing/rpc.test-helpers.js";
import type { BenchKey } from "./benchAccounts.js";
import { type UsDiffStats, usDiffStats } from "./closeLatency.js";
import { processCpuMicros } from "./processCpu.js";
import { processWrites } from "./processWrites.js";

const listenersScript = fileURLToPath(new URL("../../dist/bench/listeners.js", import.meta.url));

/** The interval of the bench's subscribers' book and trades channels. */
export type ListenerInterval = "raw" | "100ms";

/** close_position cycles per second, and the notifications (and bytes) the subscribers received meanwhile. */
export interface CloseRate {
  closesPerSecond: number;
  notifications: number;
  /** Bytes the subscribers read (frames of the warm-up and the timed cycles). */
  bytes: number;
  /** close_position's `usDiff` (server time, microseconds) over the timed cycles. */
  usDiff: UsDiffStats & { mean: number };
  /**
   * CPU time per timed cycle (microseconds, user + system) of the server, of this process (the
   * driver) and of the subscribers' process (0 without subscribers); undefined where `/proc` is not.
   */
  cpu: { server: number; driver: number; listeners: number } | undefined;
  /** The server's write system calls per timed cycle and their average size; undefined where `/proc` is not. */
  serverWrites: { perCycle: number; bytesPerWrite: number } | undefined;
}

/** CPU times (microseconds) of the three processes, and the server's writes, at one moment. */
function cpuNow(serverPid: number | undefined, listenersPid: number | undefined) {
  const usage = process.cpuUsage();
  return {
    server: serverPid === undefined ? undefined : processCpuMicros(serverPid),
    driver: usage.user + usage.system,
    listeners: listenersPid === undefined ? 0 : processCpuMicros(listenersPid),
    serverWrites: serverPid === undefined ? undefined : processWrites(serverPid),
  };
}

/** Starts one subscribed connection per key in their own process. */
async function startListeners(
  wsUrl: string,
  keys: readonly BenchKey[],
  interval: ListenerInterval,
) {
  const list = keys.map((k) => `${k.id}:${k.secret}`).join(",");
  const child = spawn(process.execPath, [listenersScript, wsUrl, list, interval], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the listeners exited with ${code}`)));
    const check = () => (out.includes("ready\n") ? resolve() : setTimeout(check, 10));
    check();
  });
  child.removeAllListeners("exit");
  return {
    pid: child.pid,
    /** Ends the process without waiting (after an error). */
    kill: () => child.kill("SIGKILL"),
    stop: () =>
      new Promise<{ notifications: number; bytes: number }>((resolve) => {
        child.once("exit", () => {
          const m = /received (\d+) (\d+)/.exec(out);
          resolve({ notifications: Number(m?.[1] ?? 0), bytes: Number(m?.[2] ?? 0) });
        });
        child.kill("SIGTERM");
      }),
  };
}

/**
 * The close cycle of `measureCloseUsDiff` (the maker rests an ask, the taker buys it, the maker
 * rests a bid, the taker's close_position sells into it), `burst` cycles in flight on one
 * connection, timed over `cycles` after `warmup`; with one connection per `subscribers` key
 * subscribed to every channel of the instrument (book and trades reach all of them; the user.*
 * channels are built for the taker's and maker's commands and reach their accounts only).
 */
export async function measureSubscribedClose(
  wsUrl: string,
  maker: BenchKey,
  taker: BenchKey,
  options: {
    subscribers: readonly BenchKey[];
    warmup: number;
    cycles: number;
    burst: number;
    /** The server's process id, for its CPU time (`/proc`); without it `cpu` is undefined. */
    serverPid?: number;
    /** The interval of the subscribers' book and trades channels. Default: raw. */
    interval?: ListenerInterval;
  },
): Promise<CloseRate> {
  const listeners =
    options.subscribers.length > 0
      ? await startListeners(wsUrl, options.subscribers, options.interval ?? "raw")
      : undefined;
  let client: WsClient | undefined;
  let stopped = false;
  try {
    client = await WsClient.open(wsUrl);
    const auth = (key: BenchKey) =>
      client!.call("public/auth", {
        grant_type: "client_credentials",
        client_id: key.id,
        client_secret: key.secret,
      });
    const makerToken = (await auth(maker)).result.access_token as string;
    await auth(taker);
    const order = { instrument_name: "BTC-PERPETUAL", amount: "10", price: "50000" };
    const asMaker = { ...order, access_token: makerToken };
    let started = 0;
    let cpuAtStart: ReturnType<typeof cpuNow> | undefined;
    const usDiffs: number[] = [];
    for (let done = 0; done < options.warmup + options.cycles; done += options.burst) {
      if (done === options.warmup) {
        started = performance.now();
        cpuAtStart = cpuNow(options.serverPid, listeners?.pid);
      }
      const cycles = [];
      for (let k = 0; k < options.burst; k++) {
        cycles.push(
          Promise.all([
            client!.call("private/sell", asMaker),
            client!.call("private/buy", order),
            client!.call("private/buy", asMaker),
            client!.call("private/close_position", {
              instrument_name: "BTC-PERPETUAL",
              type: "limit",
            }),
          ]),
        );
      }
      for (const [, , , closed] of await Promise.all(cycles)) {
        if (closed.error !== undefined || closed.result.trades.length !== 1) {
          throw new Error(`close_position did not trade: ${JSON.stringify(closed)}`);
        }
        if (done >= options.warmup) usDiffs.push(closed.usDiff);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuAtEnd = cpuNow(options.serverPid, listeners?.pid);
    const perCycle = (from: number | undefined, to: number | undefined) =>
      from === undefined || to === undefined ? undefined : (to - from) / options.cycles;
    const server = perCycle(cpuAtStart?.server, cpuAtEnd.server);
    const driver = perCycle(cpuAtStart?.driver, cpuAtEnd.driver);
    const listenersCpu = perCycle(cpuAtStart?.listeners, cpuAtEnd.listeners);
    const cpu =
      server === undefined || driver === undefined || listenersCpu === undefined
        ? undefined
        : { server, driver, listeners: listenersCpu };
    const writesAtStart = cpuAtStart?.serverWrites;
    const writesAtEnd = cpuAtEnd.serverWrites;
    const serverWrites =
      writesAtStart === undefined || writesAtEnd === undefined
        ? undefined
        : {
            perCycle: (writesAtEnd.calls - writesAtStart.calls) / options.cycles,
            bytesPerWrite:
              (writesAtEnd.bytes - writesAtStart.bytes) /
              Math.max(1, writesAtEnd.calls - writesAtStart.calls),
          };
    stopped = true;
    // The last turn's notifications leave after its answers (the spec's rule for connections
    // other than the caller's): give the subscribers a moment to read them before counting.
    if (listeners !== undefined) await new Promise((resolve) => setTimeout(resolve, 200));
    const read = listeners === undefined ? { notifications: 0, bytes: 0 } : await listeners.stop();
    const mean = usDiffs.reduce((a, b) => a + b, 0) / usDiffs.length;
    return {
      closesPerSecond: options.cycles / seconds,
      ...read,
      usDiff: { ...usDiffStats("private/close_position", usDiffs), mean },
      cpu,
      serverWrites,
    };
  } finally {
    client?.socket.terminate();
    if (!stopped) listeners?.kill();
  }
}
