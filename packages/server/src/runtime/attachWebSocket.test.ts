import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createServer, type RunningServer } from "../createServer.js";
import { auth, handlers, methods, validators } from "./fixtureApi.test-helpers.js";
import { connect, http } from "./sockets.test-helpers.js";

let server: RunningServer;
beforeAll(async () => {
  server = await createServer({
    methods,
    validators,
    handlers,
    auth,
    onError: () => {},
    limits: { maxFrameBytes: 1024, maxInFlightPerConnection: 3 },
  });
});
afterAll(() => server.close());

const rpc = (id: unknown, method: string, params?: unknown) => ({
  jsonrpc: "2.0",
  id,
  method,
  params,
});
const close = { instrument_name: "BTC-PERPETUAL", type: "limit" };

describe("WebSocket /ws/api/v2", () => {
  it("answers a request with the envelope", async () => {
    const client = await connect(server.wsUrl);
    const answer = await client.call(rpc(1, "public/test", {}));
    expect(answer).toMatchObject({
      jsonrpc: "2.0",
      id: 1,
      result: { version: "1.2.26" },
      testnet: false,
    });
    expect(answer.usDiff).toBe(answer.usOut - answer.usIn);
    expect((await client.call(rpc("s-1", "/public/test"))).id).toBe("s-1");
    client.ws.close();
  });

  it("keeps many requests in flight and answers them as they finish", async () => {
    const client = await connect(server.wsUrl);
    const slow = client.call(rpc(1, "public/slow", { ms: 60 }));
    const fast = client.call(rpc(2, "public/slow", { ms: 1 }));
    await Promise.all([slow, fast]);
    expect(client.messages.map((m) => m.id)).toEqual([2, 1]);
    client.ws.close();
  });

  it("answers every error path and stays open", async () => {
    const client = await connect(server.wsUrl);
    expect((await client.call("{nope", null)).error.code).toBe(-32700);
    const batch = await client.call(JSON.stringify([rpc(1, "public/test")]), null);
    expect(batch.error).toEqual({
      code: -32600,
      message: "Invalid Request",
      data: { reason: "batch requests are not supported" },
    });
    expect((await client.call(rpc(3, "public/nope"))).error.code).toBe(-32601);
    expect((await client.call(rpc(4, "public/test", ["x"]))).error.code).toBe(-32602);
    const internal = await client.call(rpc(5, "public/boom"));
    expect(internal.error).toEqual({ code: -32603, message: "Internal error" });
    client.ws.send(JSON.stringify({ jsonrpc: "2.0", method: "public/test" }));
    expect((await client.call(rpc(6, "public/test"))).id).toBe(6);
    expect(client.messages.map((m) => m.id)).toEqual([null, null, 3, 4, 5, 6]);
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
    client.ws.close();
  });

  it("never echoes an object id, whatever escapes spell a second id key", async () => {
    const client = await connect(server.wsUrl);
    client.ws.send('{"jsonrpc":"2.0","id":{"a":1},"\\u0069d":1.5,"method":"public/test"}');
    expect(await client.next()).toMatchObject({ id: 1.5, result: { version: "1.2.26" } });
    client.ws.send('{"jsonrpc":"2.0","id":1.5,"\\u0069d":{"a":1},"method":"public/test"}');
    expect(await client.next()).toMatchObject({
      id: null,
      error: { code: -32600, data: { reason: "id must be a string, a number or null" } },
    });
    client.ws.close();
  });

  it("keeps auth state per connection", async () => {
    const [a, b] = await Promise.all([connect(server.wsUrl), connect(server.wsUrl)]);
    expect((await a.call(rpc(1, "private/close_position", close))).error.code).toBe(10000);
    expect((await a.call(rpc(2, "public/auth", { access_token: "nope" }))).error.code).toBe(13009);
    expect(
      (await a.call(rpc(3, "public/auth", { access_token: "alice-token" }))).result.transport,
    ).toBe("ws");
    expect((await a.call(rpc(4, "private/close_position", close))).result.account).toBe(1);
    expect((await b.call(rpc(5, "private/close_position", close))).error).toEqual({
      code: 10000,
      message: "authorization_required",
    });
    const withToken = await b.call(
      rpc(6, "private/close_position", { ...close, access_token: "alice-token" }),
    );
    expect(withToken.result.account).toBe(1);
    expect((await b.call(rpc(7, "private/close_position", close))).error.code).toBe(10000);
    a.ws.close();
    b.ws.close();
  });

  it("answers 10066 above the in-flight limit without disconnecting", async () => {
    const client = await connect(server.wsUrl);
    const calls = [1, 2, 3, 4, 5].map((id) => client.call(rpc(id, "public/slow", { ms: 50 })));
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.error?.code ?? "ok")).toEqual(["ok", "ok", "ok", 10066, 10066]);
    expect(answers[3].error).toEqual({
      code: 10066,
      message: "too_many_concurrent_requests",
      data: { limit: 3 },
    });
    expect((await client.call(rpc(6, "public/slow", { ms: 1 }))).result).toBeDefined();
    client.ws.close();
  });

  it("closes with 1009 and a reason for a message over the frame limit", async () => {
    const client = await connect(server.wsUrl);
    client.ws.send(JSON.stringify(rpc(1, "public/test", { expected_result: "x".repeat(2000) })));
    expect(await client.closed).toEqual({
      code: 1009,
      reason: "message larger than the limit of 1024 bytes",
    });
  });

  it("refuses an upgrade on another path", async () => {
    const ws = new WebSocket(server.wsUrl.replace("/ws/api/v2", "/ws/other"));
    const status = await new Promise((resolve) =>
      ws.on("unexpected-response", (_, res) => resolve(res.statusCode)),
    );
    expect(status).toBe(404);
    expect((await http(server.url.replace("/api/v2", "/ws/api/v2"))).status).toBe(426);
  });
});

describe("WebSocket token expiry", () => {
  it("answers 13009 access token expired once the connection's principal expires, then 10000", async () => {
    let clock = 1_000;
    const expiring = {
      ...handlers,
      auth(_params: unknown, context: { authenticateConnection(p: object): void }) {
        context.authenticateConnection({
          accountId: 1,
          scopes: ["trade:read_write"],
          expiresAt: clock + 500,
        });
        return { token_type: "bearer" };
      },
    };
    const timed = await createServer({
      methods,
      validators,
      handlers: expiring,
      auth,
      now: () => clock,
    });
    const client = await connect(timed.wsUrl);
    await client.call(rpc(1, "public/auth", { access_token: "any" }));
    expect((await client.call(rpc(2, "private/close_position", close))).result.account).toBe(1);
    clock += 500;
    expect((await client.call(rpc(3, "private/close_position", close))).error).toEqual({
      code: 13009,
      message: "unauthorized",
      data: { reason: "access token expired" },
    });
    expect((await client.call(rpc(4, "private/close_position", close))).error.code).toBe(10000);
    await client.call(rpc(5, "public/auth", { access_token: "any" }));
    expect((await client.call(rpc(6, "private/close_position", close))).result.account).toBe(1);
    client.ws.close();
    await timed.close();
  });
});

describe("WebSocket back-pressure", () => {
  it("stops serving a client that does not read, then serves it all once it reads", async () => {
    let served = 0;
    const counting = {
      ...handlers,
      big(p: { bytes: number }) {
        served++;
        return "x".repeat(p.bytes);
      },
    };
    const slow = await createServer({
      methods,
      validators,
      handlers: counting,
      auth,
      limits: { wsHighWaterMarkBytes: 64 * 1024 },
    });
    const client = await connect(slow.wsUrl);
    client.ws.pause();
    const total = 200;
    const bytes = 256 * 1024;
    for (let id = 0; id < total; id++)
      client.ws.send(JSON.stringify(rpc(id, "public/big", { bytes })));
    // A wall-clock quiet period on purpose: what is checked is that the server stops calling the
    // handler (back-pressure), an absence of events, which no event can announce.
    const settle = async () => {
      let last = -1;
      while (last !== served) {
        last = served;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    };
    await settle();
    // Only what fits in the kernel's socket buffers plus the high-water mark: far from 200 x 256 KiB.
    expect(served).toBeGreaterThan(0);
    expect(served).toBeLessThan(total / 2);
    const done = new Promise<void>((resolve) =>
      client.ws.on("message", () => client.messages.length === total && resolve()),
    );
    client.ws.resume();
    await done;
    expect(served).toBe(total);
    expect(client.messages.map((m) => m.id)).toEqual([...Array(total).keys()]);
    client.ws.close();
    await slow.close();
    // 50 MB through loopback: seconds on a busy 2-core machine, so it gets more than the default 5 s.
  }, 30_000);
});
