import type { Socket } from "node:net";

/** A pipelined load: how to open a connection, the bytes of a batch of requests, how to count answers. */
export interface PipelinedLoad {
  open(): Promise<Socket>;
  /** `batchSize` requests, concatenated. */
  readonly batch: Buffer;
  readonly batchSize: number;
  /** Requests kept in flight per connection. */
  readonly window: number;
  readonly connections: number;
  counter(): { push(chunk: Buffer): number; readonly first: string | undefined };
}

export interface Bounds {
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Stop early after this many answers in the measured period. */
  readonly maxCalls: number;
}

export interface Throughput {
  readonly callsPerSecond: number;
  readonly calls: number;
  /** The first answer, to show what was measured. */
  readonly sample: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps `window` requests in flight on each connection (a new batch goes out whenever a batch's
 * worth of answers came back) and counts answers per second after a warm-up.
 */
export async function measurePipelined(load: PipelinedLoad, bounds: Bounds): Promise<Throughput> {
  let received = 0;
  let running = true;
  const sockets: Socket[] = [];
  const counters: ReturnType<PipelinedLoad["counter"]>[] = [];
  for (let c = 0; c < load.connections; c++) {
    const socket = await load.open();
    const counter = load.counter();
    let outstanding = 0;
    const refill = () => {
      while (running && outstanding <= load.window - load.batchSize) {
        socket.write(load.batch);
        outstanding += load.batchSize;
      }
    };
    socket.on("data", (chunk: Buffer) => {
      const n = counter.push(chunk);
      received += n;
      outstanding -= n;
      refill();
    });
    socket.on("error", () => {});
    sockets.push(socket);
    counters.push(counter);
    refill();
  }
  await sleep(bounds.warmupMs);
  const startCalls = received;
  const start = process.hrtime.bigint();
  const deadline = Date.now() + bounds.durationMs;
  while (Date.now() < deadline && received - startCalls < bounds.maxCalls) await sleep(20);
  const calls = received - startCalls;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  running = false;
  for (const socket of sockets) socket.destroy();
  return { callsPerSecond: calls / seconds, calls, sample: counters[0]?.first ?? "" };
}
