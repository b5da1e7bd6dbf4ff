// Abuse tests: a subscriber that never reads (its socket paused) while trades flow. The server
// must stay responsive to others and close that connection with 1008 and a reason
// (ServerLimits.wsMaxBacklogBytes), instead of buffering its notifications without bound.
import type { Socket } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { type ReferenceServer, startReferenceServer } from "../startReferenceServer.js";
import { maskedTextFrame } from "../testing/maskedTextFrame.test-helpers.js";
import { ALICE, BOB } from "../testing/rpc.test-helpers.js";

const BTC = "BTC-PERPETUAL";
let server: ReferenceServer;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await server?.close();
});

interface Conn {
  ws: WebSocket;
  socket: Socket;
  call(method: string, params?: Record<string, unknown>): Promise<any>;
  /** Many requests in one write; resolves when every answer came. */
  burst(requests: [string, Record<string, unknown>][]): Promise<any[]>;
  closed: Promise<{ code: number; reason: string }>;
  received: number;
}

async function open(url: string, key?: { id: string; secret: string }): Promise<Conn> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  sockets.push(ws);
  ws.on("error", () => {});
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  let next = 1;
  const waiting = new Map<number, (m: any) => void>();
  const conn: Conn = {
    ws,
    socket: (ws as unknown as { _socket: Socket })._socket,
    received: 0,
    closed: new Promise((resolve) =>
      ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    ),
    call(method, params = {}) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
      });
    },
    burst(requests) {
      const frames: Buffer[] = [];
      const answers: Promise<any>[] = [];
      for (const [method, params] of requests) {
        const id = next++;
        answers.push(new Promise((resolve) => waiting.set(id, resolve)));
        frames.push(maskedTextFrame(JSON.stringify({ jsonrpc: "2.0", id, method, params })));
      }
      conn.socket.write(Buffer.concat(frames));
      return Promise.all(answers);
    },
  };
  ws.on("message", (data: Buffer) => {
    conn.received += data.length;
    const m = JSON.parse(data.toString());
    if (m.id !== undefined) {
      waiting.get(m.id)?.(m);
      waiting.delete(m.id);
    }
  });
  if (key !== undefined) {
    const a = await conn.call("public/auth", {
      grant_type: "client_credentials",
      client_id: key.id,
      client_secret: key.secret,
    });
    expect(a.error).toBeUndefined();
  }
  return conn;
}

const order = (price: number, amount: number) => ({
  instrument_name: BTC,
  price: String(price),
  amount: String(amount),
});

/** One round: a maker rests 200 orders at distinct prices, a taker lifts them all. */
function round(r: number): {
  maker: [string, Record<string, unknown>][];
  taker: [string, Record<string, unknown>][];
} {
  const makerSells = r % 2 === 0;
  const maker: [string, Record<string, unknown>][] = [];
  for (let i = 0; i < 200; i++)
    maker.push([
      makerSells ? "private/sell" : "private/buy",
      order(makerSells ? 50000 + i * 0.5 : 50000 - i * 0.5, 10),
    ]);
  // The taker sweeps in 4 orders of 500 (each 50 trades).
  const taker: [string, Record<string, unknown>][] = [];
  for (let k = 0; k < 4; k++)
    taker.push([
      makerSells ? "private/buy" : "private/sell",
      order(makerSells ? 50200 : 49800, 500),
    ]);
  return { maker, taker };
}

async function pump(
  alice: Conn,
  bob: Conn,
  until: () => boolean,
  maxRounds: number,
  onRound?: () => Promise<void>,
) {
  let r = 0;
  for (; r < maxRounds && !until(); r++) {
    const { maker, taker } = round(r);
    const [m, t] = r % 4 < 2 ? [bob, alice] : [alice, bob];
    const placed = await m.burst(maker);
    for (const a of placed) expect(a.error).toBeUndefined();
    const took = await t.burst(taker);
    for (const a of took) expect(a.error).toBeUndefined();
    await onRound?.();
  }
  return r;
}

describe("a subscriber that does not read", () => {
  test("default limits (4 MiB): closed, with 1008 and a reason, long before it is sent what a reading subscriber gets; others keep being served quickly", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const alice = await open(server.wsUrl, ALICE);
    const bob = await open(server.wsUrl, BOB);
    const other = await open(server.wsUrl);
    const slow = await open(server.wsUrl);
    const reader = await open(server.wsUrl);
    const channels = [
      `book.${BTC}.raw`,
      `trades.${BTC}.raw`,
      `book.${BTC}.100ms`,
      `trades.${BTC}.100ms`,
    ];
    expect((await slow.call("public/subscribe", { channels })).result).toEqual(channels);
    expect((await reader.call("public/subscribe", { channels })).result).toEqual(channels);
    // Stop reading: the kernel buffers fill, then the server's socket buffer.
    slow.ws.pause();
    let worst = 0;
    // Until a reading subscriber got 24 MB: far over the 4 MiB limit plus loopback buffers.
    const rounds = await pump(
      alice,
      bob,
      () => reader.received > 24e6,
      2000,
      async () => {
        const t0 = performance.now();
        const a = await other.call("public/test");
        expect(a.error).toBeUndefined();
        worst = Math.max(worst, performance.now() - t0);
      },
    );
    expect(reader.received).toBeGreaterThan(24e6);
    expect(worst).toBeLessThan(1000);
    // Read again: what is there, then the close (1008 with the reason, or 1006 when the server
    // already dropped it a second after its close frame).
    slow.ws.resume();
    const c = await Promise.race([
      slow.closed,
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 10_000)),
    ]);
    expect(c, `still open after ${rounds} rounds`).toBeDefined();
    expect([1008, 1006]).toContain(c!.code);
    if (c!.code === 1008) expect(c!.reason).toMatch(/notifications not read/);
    expect(slow.received).toBeLessThan(reader.received / 2);
    // The server still answers.
    const fresh = await open(server.wsUrl);
    expect((await fresh.call("public/test")).error).toBeUndefined();
  }, 90_000);

  test("small wsMaxBacklogBytes: the reason names the limit; the close frame is readable once the client resumes", async () => {
    server = await startReferenceServer({
      port: 0,
      log: () => {},
      limits: { wsMaxBacklogBytes: 64 * 1024 },
    });
    const alice = await open(server.wsUrl, ALICE);
    const bob = await open(server.wsUrl, BOB);
    const slow = await open(server.wsUrl);
    await slow.call("public/subscribe", { channels: [`book.${BTC}.raw`, `trades.${BTC}.raw`] });
    slow.ws.pause();
    let closed = false;
    void slow.closed.then(() => (closed = true));
    let rounds = 0;
    // Resume reading after the pump: the close frame is queued behind the backlog.
    const done = pump(
      alice,
      bob,
      () => closed || rounds > 60,
      60,
      async () => {
        rounds++;
      },
    );
    await done;
    slow.ws.resume();
    const c = await Promise.race([
      slow.closed,
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 5000)),
    ]);
    expect(c).toBeDefined();
    expect(c!.code).toBe(1008);
    expect(c!.reason).toMatch(/wsMaxBacklogBytes/);
  }, 60_000);

  test("a client that sends requests but never reads answers is paused, not buffered; others are served", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const bob = await open(server.wsUrl, BOB);
    // A deep book: big get_order_book answers.
    const deep: [string, Record<string, unknown>][] = [];
    for (let i = 0; i < 1000; i++) deep.push(["private/sell", order(60000 + i * 0.5, 10)]);
    await bob.burst(deep);
    const other = await open(server.wsUrl);
    const hog = await open(server.wsUrl);
    hog.ws.pause();
    const req = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "public/get_order_book",
      params: { instrument_name: BTC, depth: 10000 },
    });
    const frame = maskedTextFrame(req);
    // ~40 MB of answers asked for in 400 KB of requests.
    const many = Buffer.concat(Array.from({ length: 1000 }, () => frame));
    hog.socket.write(many);
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const a = await other.call("public/get_time");
      expect(a.error).toBeUndefined();
      expect(performance.now() - t0).toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 20));
    }
    // The hog resumes: it gets every answer (nothing lost), or is closed with a reason.
    let got = 0;
    hog.ws.on("message", () => got++);
    hog.ws.resume();
    const end = Date.now() + 20_000;
    while (got < 1000 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(got).toBe(1000);
  }, 60_000);
});
