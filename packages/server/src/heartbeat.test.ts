import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createServer, type RunningServer } from "./createServer.js";
import type { Handlers } from "./generated/handlers.js";
import { methods } from "./generated/methods.js";
import type { Principal } from "./runtime/RequestContext.js";
import { RpcError } from "./runtime/RpcError.js";
import { connect, postJson, type RpcSocket } from "./runtime/sockets.test-helpers.js";

/** The spec's table with stub handlers that leave the heartbeat methods to the transport. */
const handlers = Object.fromEntries(
  Object.values(methods)
    .filter((m) => m.name !== "public/set_heartbeat" && m.name !== "public/disable_heartbeat")
    .map((m) => [m.handler, () => (m.name === "public/test" ? { version: "9" } : {})]),
) as unknown as Omit<Handlers, "setHeartbeat" | "disableHeartbeat">;
(handlers as Record<string, unknown>)["auth"] = (
  _p: unknown,
  context: { authenticateConnection(p: Principal): void },
) => {
  context.authenticateConnection({ accountId: 1, scopes: ["trade:read_write"] });
  return {};
};
const auth = { authenticate: () => new RpcError(13009, "unauthorized") };

const login = { grant_type: "client_credentials", client_id: "a", client_secret: "b" };
const heartbeat = { jsonrpc: "2.0", method: "heartbeat", params: { type: "heartbeat" } };
const testRequest = { jsonrpc: "2.0", method: "heartbeat", params: { type: "test_request" } };

let server: RunningServer;
let client: RpcSocket | undefined;
let id = 0;
const rpc = (method: string, params?: unknown) => ({ jsonrpc: "2.0", id: ++id, method, params });

beforeEach(async () => {
  vi.useFakeTimers({
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
  });
  server = await createServer({ handlers, auth, onError: () => {} });
});
afterEach(async () => {
  client?.ws.terminate();
  client = undefined;
  vi.useRealTimers();
  await server.close();
});

/** The messages `count` ticks of `ms` bring, once they arrived. */
async function after(ms: number, count: number): Promise<unknown[]> {
  const start = client!.messages.length;
  await vi.advanceTimersByTimeAsync(ms);
  await vi.waitFor(() => expect(client!.messages.length).toBeGreaterThanOrEqual(start + count), {
    interval: 5,
  });
  return client!.messages.slice(start);
}

describe("public/set_heartbeat", () => {
  it("sends heartbeats, and a test_request after a silent interval, which public/test answers", async () => {
    client = await connect(server.wsUrl);
    expect((await client.call(rpc("public/set_heartbeat", { interval: 10 }))).result).toBe("ok");
    expect(await after(10_000, 2)).toEqual([heartbeat, testRequest]);
    expect((await client.call(rpc("public/test"))).result).toEqual({ version: "9" });
    // The client spoke during this interval: a heartbeat only, and the connection stays.
    expect(await after(10_000, 1)).toEqual([heartbeat]);
    expect(await after(10_000, 2)).toEqual([heartbeat, testRequest]);
    expect((await client.call(rpc("public/test"))).result).toEqual({ version: "9" });
    expect(client.ws.readyState).toBe(client.ws.OPEN);
  });

  it("closes with 1008 when a test_request gets no public/test within the interval", async () => {
    client = await connect(server.wsUrl);
    await client.call(rpc("public/auth", login));
    await client.call(rpc("public/set_heartbeat", { interval: 15 }));
    expect(await after(15_000, 2)).toEqual([heartbeat, testRequest]);
    // Another method is no answer to a test_request.
    await client.call(rpc("public/get_time"));
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await client.closed).toEqual({
      code: 1008,
      reason: "heartbeat: no public/test answered the test_request within 15 s",
    });
  });

  it("stops with public/disable_heartbeat", async () => {
    client = await connect(server.wsUrl);
    await client.call(rpc("public/auth", login));
    await client.call(rpc("public/set_heartbeat", { interval: 10 }));
    expect((await client.call(rpc("public/disable_heartbeat"))).result).toBe("ok");
    const before = client.messages.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await client.call(rpc("public/test"))).id).toBe(id);
    expect(client.messages.length).toBe(before + 1);
  });

  it("refuses an interval under 10 s with -32602", async () => {
    client = await connect(server.wsUrl);
    expect((await client.call(rpc("public/set_heartbeat", { interval: 5 }))).error).toEqual({
      code: -32602,
      message: "Invalid params",
      data: { param: "interval", reason: "must be >= 10" },
    });
  });

  it("answers 10030 over HTTP, where there is no connection to beat on", async () => {
    for (const method of ["public/set_heartbeat", "public/disable_heartbeat"]) {
      const answer = await postJson(server.url, rpc(method, { interval: 30 }));
      expect(answer.json.error).toEqual({
        code: 10030,
        message: "must_be_websocket_request",
        data: { reason: `${method} works on a WebSocket connection only (/ws/api/v2)` },
      });
    }
  });
});

describe("idle timeout", () => {
  it("closes an unauthenticated connection that sends nothing for 30 s with 1008, and no other", async () => {
    const idle = await connect(server.wsUrl);
    const authenticated = await connect(server.wsUrl);
    await authenticated.call(rpc("public/auth", login));
    const talking = await connect(server.wsUrl);
    client = talking;
    for (let s = 0; s < 4; s++) {
      await vi.advanceTimersByTimeAsync(20_000);
      await talking.call(rpc("public/test"));
      if (s === 0) expect(idle.ws.readyState).toBe(1);
    }
    expect(await idle.closed).toEqual({
      code: 1008,
      reason: "idle: no message for 30000 ms on a connection that is not authenticated",
    });
    expect([authenticated.ws.readyState, talking.ws.readyState]).toEqual([1, 1]);
    authenticated.ws.terminate();
  });
});
