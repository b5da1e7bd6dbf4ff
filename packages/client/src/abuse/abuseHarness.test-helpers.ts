// What the client's abuse tests share: a reference server whose channel hub they can read, a TCP
// proxy between client and server that can cut, refuse, delay or freeze the connection, waits
// that never hang, and a guard that fails a test on any unhandled rejection.
import net from "node:net";
import { startReferenceServer } from "@unwind/reference";
import { afterAll, afterEach, expect } from "vitest";

export const BOB = { clientId: "bob-key", clientSecret: "bob-secret-TEST-ONLY" };
export const BOOK = "book.BTC-PERPETUAL.raw";

/** A book message as the iterators yield it. */
export type BookData = { type: string; change_id: number; prev_change_id?: number };

export type ReferenceServer = Awaited<ReturnType<typeof startReferenceServer>>;

/**
 * Collects unhandled rejections from here on, fails each test after which one came, and stops
 * listening after the file; returns the list (for a test that checks it itself too).
 */
export function failOnUnhandledRejections(): unknown[] {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  afterEach(() => {
    const seen = unhandled.splice(0);
    expect(seen, `unhandled rejections: ${seen.map(String).join("; ")}`).toEqual([]);
  });
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
  });
  return unhandled;
}

/**
 * A reference server on 127.0.0.1 whose channel hub is captured (through a wrapped
 * `public/get_time`), so a test can read the server's subscriber count of a channel.
 */
export async function startHubServer(): Promise<{
  server: ReferenceServer;
  count(channel: string, account?: number | string): number;
}> {
  let hub: { count(channel: string, account?: number | string): number } | undefined;
  const server = await startReferenceServer({
    port: 0,
    log: () => {},
    wrapHandlers: (handlers) => ({
      ...handlers,
      "public/get_time": (p, c) => {
        hub = c.channels as typeof hub;
        return handlers["public/get_time"]!(p, c);
      },
    }),
  });
  await fetch(`${server.url}/api/v2/public/get_time`);
  const captured = hub;
  if (captured === undefined) throw new Error("hub not captured");
  return { server, count: (channel, account) => captured.count(channel, account) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the promise's outcome, or "HANG" after ms. */
export function settle<T>(
  p: Promise<T>,
  ms = 3000,
): Promise<{ ok: T } | { error: unknown } | "HANG"> {
  return Promise.race([
    p.then(
      (ok) => ({ ok }),
      (error) => ({ error }),
    ),
    sleep(ms).then(() => "HANG" as const),
  ]);
}

/** Waits until `check` holds; throws naming `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await sleep(10);
  }
}

/** How {@link startProxy} listens and holds back the server's bytes. */
export interface ProxyOptions {
  /** The port to listen on (0: any free one). */
  readonly port?: number;
  /** Holds back the server's bytes after the first chunk (the upgrade answer) by this long... */
  readonly delayFirstMs?: number;
  /** ...on this connection (1: the first). */
  readonly delayConnection?: number;
}

/** A TCP proxy in front of the server. */
export interface Proxy {
  readonly url: string;
  readonly port: number;
  /** New connections are destroyed at once. */
  refuse: boolean;
  /** The server's bytes are no longer forwarded, on every connection. */
  frozen: boolean;
  /** Connections accepted so far. */
  connections(): number;
  /** Destroys every connection (as a crashed server or a dropped network does). */
  drop(): void;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number, options: ProxyOptions = {}): Promise<Proxy> {
  const { port = 0, delayFirstMs = 0, delayConnection = 1 } = options;
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const tcp = net.createServer((client) => {
    if (proxy.refuse) {
      client.destroy();
      return;
    }
    const n = ++accepted;
    const upstream = net.connect(targetPort, "127.0.0.1");
    sockets.add(client).add(upstream);
    const kill = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", kill).on("close", kill);
    upstream.on("error", kill).on("close", kill);
    client.pipe(upstream);
    let chunks = 0;
    upstream.on("data", (chunk: Buffer) => {
      chunks += 1;
      if (proxy.frozen) return;
      if (n === delayConnection && delayFirstMs > 0 && chunks > 1) {
        setTimeout(() => client.writable && client.write(chunk), delayFirstMs);
      } else client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => tcp.listen(port, "127.0.0.1", resolve));
  const listening = (tcp.address() as net.AddressInfo).port;
  const proxy: Proxy = {
    url: `http://127.0.0.1:${listening}`,
    port: listening,
    refuse: false,
    frozen: false,
    connections: () => accepted,
    drop() {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.drop();
        tcp.close(() => resolve());
      }),
  };
  return proxy;
}
