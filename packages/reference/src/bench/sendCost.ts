import { spawn } from "node:child_process";
import { createServer, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { processCpuMicros } from "./processCpu.js";

const sinksScript = fileURLToPath(new URL("../../dist/bench/sinks.js", import.meta.url));

/** What sending bytes over loopback TCP costs, with nothing else to do. */
export interface SendCost {
  /** CPU time (user + system) of the writing process per byte sent, in microseconds. */
  writerMicrosPerByte: number;
  /** CPU time of the reading process per byte, in microseconds; undefined where `/proc` is not. */
  readerMicrosPerByte: number | undefined;
}

/**
 * The floor of a fan-out's cost: this process writes `totalBytes` to `connections` loopback
 * sockets (read and dropped by another process), `writeSize` bytes per socket at a time, every
 * socket in turn, waiting for those that are full. No WebSocket framing and no JSON: what the
 * kernel and Node's streams charge for the bytes alone, in the same run as the measure it bounds.
 */
export async function measureSendCost(options: {
  connections: number;
  writeSize: number;
  totalBytes: number;
}): Promise<SendCost> {
  const sockets: Socket[] = [];
  const server = createServer((s) => {
    s.setNoDelay(true);
    sockets.push(s);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const child = spawn(process.execPath, [sinksScript, String(port), String(options.connections)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the sinks exited with ${code}`)));
      const check = () =>
        out.includes("ready\n") && sockets.length === options.connections
          ? resolve()
          : setTimeout(check, 10);
      check();
    });
    child.removeAllListeners("exit");
    const chunk = Buffer.alloc(options.writeSize, 0x61);
    let sent = 0;
    const cpu = process.cpuUsage();
    const readerAtStart = processCpuMicros(child.pid!);
    while (sent < options.totalBytes) {
      for (const s of sockets) s.write(chunk);
      sent += options.writeSize * sockets.length;
      // One write per socket per turn, as a server's flush does; the full ones first drain.
      await new Promise((resolve) => setImmediate(resolve));
      const full = sockets.filter((s) => s.writableNeedDrain);
      await Promise.all(full.map((s) => new Promise((resolve) => s.once("drain", resolve))));
    }
    const used = process.cpuUsage(cpu);
    // Every byte read before counting: the sinks are asked what they read until it is all, 5 s at most.
    let read = 0;
    for (const until = Date.now() + 5_000; read < sent && Date.now() < until; ) {
      out = "";
      child.stdin.write("\n");
      while (!out.includes("\n")) await new Promise((resolve) => setTimeout(resolve, 5));
      read = Number(/read (\d+)/.exec(out)?.[1] ?? 0);
    }
    const readerAtEnd = processCpuMicros(child.pid!);
    if (read !== sent) throw new Error(`the sinks read ${read} of the ${sent} bytes sent`);
    return {
      writerMicrosPerByte: (used.user + used.system) / sent,
      readerMicrosPerByte:
        readerAtStart === undefined || readerAtEnd === undefined
          ? undefined
          : (readerAtEnd - readerAtStart) / sent,
    };
  } finally {
    child.stdin.end();
    child.kill("SIGKILL");
    for (const s of sockets) s.destroy();
    server.close();
  }
}
