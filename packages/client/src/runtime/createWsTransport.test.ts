import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import WebSocket from "ws";
import { AbortedError } from "./AbortedError.js";
import { ConnectionClosedError } from "./ConnectionClosedError.js";
import type { ConnectionEvent } from "./ConnectionEvent.js";
import { createWsTransport } from "./createWsTransport.js";
import { RpcError } from "./RpcError.js";
import { TimeoutError } from "./TimeoutError.js";
import { TransportError } from "./TransportError.js";
import type { WebSocketConstructor } from "./WebSocketLike.js";
import type { WsTransportOptions } from "./WsTransportOptions.js";
import {
  rejection,
  startWireServer,
  WireError,
  type WireServer,
} from "./wireServer.test-helpers.js";

const WS = WebSocket as unknown as WebSocketConstructor;
let server: WireServer;
const open: { close(): Promise<void> }[] = [];
const transportFor = (options: Partial<WsTransportOptions> = {}) => {
  const transport = createWsTransport({ url: server.wsUrl, WebSocket: WS, ...options });
  open.push(transport);
  return transport;
};
const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};
/** Resolves once the server has one more `method` request than now: call it before sending. */
const arrival = (method: string) => {
  const count = (requests: { method: string }[]) =>
    requests.filter((r) => r.method === method).length;
  const now = count(server.requests);
  return server.received((requests) => count(requests) > now);
};
/** `public/late` answers only once the test opens this gate. */
let lateGate = Promise.resolve();

beforeAll(async () => {
  server = await startWireServer({
    "public/test": () => ({ version: "1.2.26" }),
    "public/echo": (r) => r.params,
    // answers later the smaller `delay` is not: responses come back out of order
    "public/delayed": (r) =>
      new Promise((resolve) => setTimeout(() => resolve(r.params.n), Number(r.params.delay))),
    "public/late": () => lateGate.then(() => "late"),
    "public/hang": () => new Promise(() => {}),
    "public/fail": () => {
      throw new WireError(10020, "invalid_or_unsupported_instrument");
    },
    "public/notify": (r) => {
      r.socket!.send(
        JSON.stringify({
          jsonrpc: "2.0",
          method: "subscription",
          params: { channel: "x", data: 1 },
        }),
      );
      return "ok";
    },
  });
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(open.splice(0).map((t) => t.close()));
});
afterAll(() => server.close());

describe("createWsTransport", () => {
  test("connects on the first call and resolves with the result", async () => {
    const transport = transportFor();
    expect(transport.state).toBe("idle");
    expect(await transport.request("public/test", {})).toEqual({ version: "1.2.26" });
    expect(transport.state).toBe("open");
  });

  test("correlates many calls in flight by id, answered out of order", async () => {
    const transport = transportFor();
    const calls = Array.from({ length: 50 }, (_, n) =>
      transport.request("public/delayed", { n, delay: 50 - n }),
    );
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 50 }, (_, n) => n));
    const ids = server.requests.filter((r) => r.method === "public/delayed").map((r) => r.id);
    expect(new Set(ids).size).toBe(50);
  });

  test("send() returns the envelope and rttMs", async () => {
    const transport = transportFor();
    const response = await transport.send("public/echo", { a: 1 });
    expect(response).toMatchObject({ result: { a: 1 }, testnet: true });
    expect(response.usDiff).toBe(response.usOut - response.usIn);
    expect(response.rttMs).toBeGreaterThan(0);
  });

  test("JSON-RPC errors reject with RpcError, not a transport error", async () => {
    const transport = transportFor();
    const error = await rejection(transport.request("public/fail", {}));
    expect(error).toBeInstanceOf(RpcError);
    expect(error).not.toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ code: 10020, method: "public/fail" });
  });

  test("timeout rejects with TimeoutError; a late answer is ignored and the socket stays usable", async () => {
    const transport = transportFor();
    // Connected first: a 30 ms timeout must not expire while the socket is still opening
    // (then the call is never sent and the server never sees it).
    await transport.connect();
    let answerLate = () => {};
    lateGate = new Promise<void>((resolve) => (answerLate = resolve));
    const arrived = arrival("public/late");
    const error = await rejection(transport.request("public/late", {}, { timeoutMs: 30 }));
    expect(error).toBeInstanceOf(TimeoutError);
    await arrived;
    answerLate();
    // The late answer leaves before the server reads the next call: one socket keeps the order.
    expect(await transport.request("public/echo", { b: 2 })).toEqual({ b: 2 });
  });

  test("the transport's default timeout (one shared timer) rejects with TimeoutError", async () => {
    const transport = transportFor({ timeoutMs: 40 });
    await transport.connect();
    const started = performance.now();
    const error = await rejection(transport.request("public/hang", {}));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeoutMs).toBe(40);
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
    expect(await transport.request("public/test", {})).toEqual({ version: "1.2.26" });
  });

  test("abort rejects with AbortedError; an aborted signal never sends", async () => {
    const transport = transportFor();
    const controller = new AbortController();
    const arrived = arrival("public/hang");
    const pending = transport.request("public/hang", {}, { signal: controller.signal });
    void arrived.then(() => controller.abort("stop"));
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.cause).toBe("stop");
    const before = server.requests.length;
    expect(
      await rejection(transport.request("public/test", {}, { signal: AbortSignal.abort() })),
    ).toBeInstanceOf(AbortedError);
    expect(server.requests.length).toBe(before);
  });

  test("server drops the socket: in-flight calls fail with ConnectionClosedError, then it reconnects with backoff", async () => {
    const events: ConnectionEvent[] = [];
    const transport = transportFor({
      reconnect: { initialDelayMs: 20, jitter: 0 },
      onConnectionEvent: (e) => events.push(e),
    });
    await transport.request("public/test", {});
    const inFlight = [
      transport.request("public/hang", {}),
      transport.request("public/hang", {}),
    ].map(rejection);
    await until(() => server.requests.filter((r) => r.method === "public/hang").length >= 2);
    server.dropSockets();
    const errors = await Promise.all(inFlight);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ConnectionClosedError);
      expect(error).not.toBeInstanceOf(RpcError);
      expect(error.method).toBe("public/hang");
      expect(error.closeCode).toBe(1006);
    }
    await until(() => transport.state === "open");
    expect(events.map((e) => e.type)).toEqual(["open", "close", "reconnect", "open"]);
    expect(events[2]).toEqual({ type: "reconnect", attempt: 1, delayMs: 20 });
    expect(await transport.request("public/test", {})).toEqual({ version: "1.2.26" });
  });

  test("backoff grows while the server is unreachable, and calls made meanwhile fail clearly", async () => {
    const local = await startWireServer({ "public/test": () => "up" });
    const events: ConnectionEvent[] = [];
    const transport = createWsTransport({
      url: local.wsUrl,
      WebSocket: WS,
      reconnect: { initialDelayMs: 10, factor: 2, jitter: 0, maxAttempts: 3 },
      onConnectionEvent: (e) => events.push(e),
    });
    open.push(transport);
    expect(await transport.request("public/test", {})).toBe("up");
    await local.close();
    await until(() => events.some((e) => e.type === "give-up"));
    expect(
      events.filter((e) => e.type === "reconnect").map((e) => (e as { delayMs: number }).delayMs),
    ).toEqual([10, 20, 40]);
    expect(transport.state).toBe("idle");
    const error = await rejection(transport.request("public/test", {}));
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error.shortMessage).toMatch(/Could not connect/);
  });

  test("onConnect runs before queued calls on every connection (re-authentication)", async () => {
    const handshakes: number[] = [];
    const transport = transportFor({
      reconnect: { initialDelayMs: 10 },
      onConnect: async (send) => {
        const r = await send("public/echo", { hello: handshakes.length });
        handshakes.push(r.result as unknown as number);
      },
    });
    const first = server.requests.length;
    await transport.request("public/test", {});
    expect(server.requests.slice(first).map((r) => r.method)).toEqual([
      "public/echo",
      "public/test",
    ]);
    server.dropSockets();
    await until(() => transport.state === "open" && handshakes.length === 2);
    expect(handshakes).toEqual([{ hello: 0 }, { hello: 1 }]);
  });

  test("a refused handshake (RpcError) fails the waiting calls with it and does not loop", async () => {
    // Timers are fake (sockets stay real): the 100 ms in which no reconnect may start pass at once.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const transport = transportFor({
      onConnect: async (send) => {
        await send("public/fail", {});
      },
    });
    const error = await rejection(transport.request("public/test", {}));
    expect(error).toBeInstanceOf(RpcError);
    expect(error.code).toBe(10020);
    vi.advanceTimersByTime(100);
    expect(transport.state).toBe("idle");
  });

  test("nothing listening: the first call fails with ConnectionClosedError", async () => {
    const transport = createWsTransport({ url: "ws://127.0.0.1:9/ws/api/v2", WebSocket: WS });
    open.push(transport);
    const error = await rejection(transport.request("public/test", {}));
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(transport.state).toBe("idle");
  });

  test("a URL the WebSocket class refuses fails the call, it does not throw", async () => {
    const transport = createWsTransport({ url: "ftp://127.0.0.1/", WebSocket: WS });
    open.push(transport);
    const error = await rejection(transport.request("public/test", {}));
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(transport.state).toBe("idle");
  });

  test("close() fails calls in flight and later calls", async () => {
    const transport = transportFor();
    await transport.connect();
    const pending = rejection(transport.request("public/hang", {}));
    await until(() => server.requests.some((r) => r.method === "public/hang"));
    await transport.close();
    expect(await pending).toBeInstanceOf(ConnectionClosedError);
    expect(await rejection(transport.request("public/test", {}))).toBeInstanceOf(
      ConnectionClosedError,
    );
  });

  test("notifications reach onNotification", async () => {
    const seen: unknown[] = [];
    const transport = transportFor({ onNotification: (m) => seen.push(m) });
    await transport.request("public/notify", {});
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual({
      jsonrpc: "2.0",
      method: "subscription",
      params: { channel: "x", data: 1 },
    });
  });
});
