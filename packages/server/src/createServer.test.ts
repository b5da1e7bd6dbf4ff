import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { createServer } from "./createServer.js";
import { auth, handlers, methods, validators } from "./runtime/fixtureApi.test-helpers.js";
import type { RequestContext } from "./runtime/RequestContext.js";
import { connect, http, postJson } from "./runtime/sockets.test-helpers.js";

const rpc = (id: unknown, method: string, params?: unknown) => ({
  jsonrpc: "2.0",
  id,
  method,
  params,
});
const start = (
  extra: Parameters<typeof createServer>[0] extends infer O ? Partial<O> : never = {},
) => createServer({ methods, validators, handlers, auth, onError: () => {}, ...extra });

/** A server whose `public/slow` calls can be awaited as they reach the handler. */
async function startWatchingSlow(
  extra: Parameters<typeof createServer>[0] extends infer O ? Partial<O> : never = {},
) {
  let started = 0;
  const watchers = new Set<() => void>();
  const server = await start({
    ...extra,
    handlers: {
      ...handlers,
      slow(params: { ms: number }, context: RequestContext) {
        started++;
        for (const watch of watchers) watch();
        return handlers.slow(params, context);
      },
    },
  });
  /** Resolves once `n` calls of `public/slow` have started. */
  const slowStarted = (n = 1) =>
    new Promise<void>((resolve) => {
      const watch = () => {
        if (started < n) return;
        watchers.delete(watch);
        resolve();
      };
      watchers.add(watch);
      watch();
    });
  return { server, slowStarted };
}

/**
 * After `server.close()`, a WebSocket session reads for one more poll phase (two `setImmediate`
 * hops, see WsSession#lastRead) and then pauses; this resolves after that phase, so what a test
 * sends next arrives after reading stopped.
 */
const afterLastRead = () =>
  new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));

/**
 * A server with a 64 KiB WebSocket high-water mark and a client that stopped reading after sending
 * `total` requests for 256 KiB answers: the server answered a few, then holds the rest back.
 */
async function stalledClient(limits: { shutdownGraceMs: number }) {
  let count = 0;
  const counting = {
    ...handlers,
    big(p: { bytes: number }) {
      count++;
      return "x".repeat(p.bytes);
    },
  };
  const server = await start({
    handlers: counting,
    limits: { wsHighWaterMarkBytes: 64 * 1024, ...limits },
  });
  const client = await connect(server.wsUrl);
  client.ws.pause();
  const total = 60;
  // A wall-clock quiet period on purpose: what is checked is that the server stops calling the
  // handler (back-pressure), an absence of events, which no event can announce.
  const settle = async () => {
    let last = -1;
    while (last !== count) {
      last = count;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  };
  // Two bursts: the second reaches a server that back-pressure already paused, so it stays
  // unread in the kernel's buffer, as well as the first burst's rest in the server's backlog.
  for (let id = 0; id < total; id++) {
    client.ws.send(JSON.stringify(rpc(id, "public/big", { bytes: 256 * 1024 })));
    if (id === total / 2 - 1) await settle();
  }
  await settle();
  return { server, served: () => count, client, total };
}

describe("createServer", () => {
  it("listens on 127.0.0.1 and a free port, serving HTTP and WebSocket on it", async () => {
    const server = await start({ testnet: true });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/api/v2`);
    expect(server.wsUrl).toBe(`ws://127.0.0.1:${server.port}/ws/api/v2`);
    expect(server.port).toBeGreaterThan(0);
    expect((await postJson(server.url, rpc(1, "public/test"))).json.testnet).toBe(true);
    const client = await connect(server.wsUrl);
    expect((await client.call(rpc(2, "public/test"))).testnet).toBe(true);
    await server.close();
    expect(await client.closed).toEqual({ code: 1001, reason: "server shutting down" });
  });

  it("answers in-flight requests on every transport before closing", async () => {
    // Close only once all three requests are in a handler: a connection whose request has not
    // arrived yet is idle, and closing idle connections is what a shutdown does.
    let started = 0;
    let allStarted: () => void = () => {};
    const inHandlers = new Promise<void>((resolve) => (allStarted = resolve));
    const server = await start({
      handlers: {
        ...handlers,
        slow(params: { ms: number }, context: RequestContext) {
          if (++started === 3) allStarted();
          return handlers.slow(params, context);
        },
      },
    });
    const client = await connect(server.wsUrl);
    const wsSlow = client.call(rpc(1, "public/slow", { ms: 150 }));
    const httpSlow = postJson(server.url, rpc(2, "public/slow", { ms: 150 }));
    const getSlow = http(`${server.url}/public/slow?ms=150`);
    await inHandlers;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    expect(server.close()).toBe(server.close());
    const [ws, post, get] = await Promise.all([wsSlow, httpSlow, getSlow]);
    expect(ws.result).toEqual({ slept: 150, aborted: false });
    expect(post.json.result).toEqual({ slept: 150, aborted: false });
    expect(post.headers.connection).toBe("close");
    expect(get.json.result.slept).toBe(150);
    expect((await client.closed).code).toBe(1001);
    await closing;
    expect(closed).toBe(true);
    await expect(postJson(server.url, rpc(3, "public/test"))).rejects.toThrow(/ECONNREFUSED/);
  });

  it("stops reading new WebSocket requests once closing", async () => {
    const { server, slowStarted } = await startWatchingSlow();
    const client = await connect(server.wsUrl);
    const slow = client.call(rpc(1, "public/slow", { ms: 100 }));
    await slowStarted();
    const closing = server.close();
    // After the last read of what was sent before the shutdown (one poll phase).
    await afterLastRead();
    client.ws.send(JSON.stringify(rpc(2, "public/test")));
    expect((await slow).result.slept).toBe(100);
    await closing;
    expect(client.messages.map((m) => m.id)).toEqual([1]);
  });

  it("aborts what is still running after the grace period", async () => {
    const { server, slowStarted } = await startWatchingSlow({ limits: { shutdownGraceMs: 50 } });
    const client = await connect(server.wsUrl);
    client.ws.send(JSON.stringify(rpc(1, "public/slow", { ms: 5000 })));
    await slowStarted();
    const began = Date.now();
    await server.close();
    expect(Date.now() - began).toBeLessThan(2000);
    expect((await client.closed).code).toBe(1001);
  });

  it("aborts context.signal when the client goes away", async () => {
    const aborted: boolean[] = [];
    let started = 0;
    const watchers = new Set<() => void>();
    const notify = () => {
      for (const watch of watchers) watch();
    };
    /** Resolves once `check` holds, checked as each handler call starts or ends. */
    const reached = (check: () => boolean) =>
      new Promise<void>((resolve) => {
        const watch = () => {
          if (!check()) return;
          watchers.delete(watch);
          resolve();
        };
        watchers.add(watch);
        watch();
      });
    const watching = {
      ...handlers,
      async slow(params: { ms: number }, context: RequestContext) {
        started++;
        notify();
        await new Promise((resolve) => setTimeout(resolve, params.ms));
        aborted.push(context.signal.aborted);
        notify();
        return {};
      },
    };
    const server = await start({ handlers: watching });
    const client = await connect(server.wsUrl);
    client.ws.send(JSON.stringify(rpc(1, "public/slow", { ms: 80 })));
    await reached(() => started === 1);
    client.ws.terminate();
    const req = request(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    req.on("error", () => {});
    req.end(JSON.stringify(rpc(2, "public/slow", { ms: 80 })));
    await reached(() => started === 2);
    req.destroy();
    await reached(() => aborted.length === 2);
    expect(aborted).toEqual([true, true]);
    const answer = await postJson(server.url, rpc(3, "public/slow", { ms: 1 }));
    expect(answer.json.result).toEqual({});
    expect(aborted).toEqual([true, true, false]);
    await server.close();
  });

  it("answers requests held back by back-pressure at shutdown, then closes with 1001", async () => {
    const { server, served, client, total } = await stalledClient({ shutdownGraceMs: 10_000 });
    expect(served()).toBeLessThan(total / 2);
    const closing = server.close();
    await afterLastRead(); // the shutdown has begun and waits for the peer
    client.ws.resume();
    expect(await closing).toEqual({ unanswered: 0 });
    expect(served()).toBe(total);
    expect(client.messages.map((m) => m.id)).toEqual([...Array(total).keys()]);
    expect(await client.closed).toEqual({ code: 1001, reason: "server shutting down" });
  }, 30_000);

  it("counts what a peer that does not read never got, and closes it after the grace period", async () => {
    const { server, served, client, total } = await stalledClient({ shutdownGraceMs: 200 });
    const began = Date.now();
    const report = await server.close();
    expect(Date.now() - began).toBeGreaterThanOrEqual(200);
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(report.unanswered).toBe(total - served());
    expect(report.unanswered).toBeGreaterThan(0);
    client.ws.resume();
    expect((await client.closed).code).not.toBe(1000);
  }, 30_000);

  it("counts a WebSocket request that came after reading stopped, answering it nothing", async () => {
    const { server, slowStarted } = await startWatchingSlow();
    const client = await connect(server.wsUrl);
    const slow = client.call(rpc(1, "public/slow", { ms: 100 }));
    await slowStarted();
    const closing = server.close();
    await afterLastRead();
    client.ws.send(JSON.stringify(rpc(2, "public/test")));
    await slow;
    expect(await closing).toEqual({ unanswered: 1 });
  });

  it("rejects when the port is taken", async () => {
    const server = await start();
    await expect(start({ port: server.port })).rejects.toThrow(/EADDRINUSE/);
    await server.close();
  });
});
