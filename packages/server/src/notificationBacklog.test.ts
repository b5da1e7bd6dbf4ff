import type { Socket } from "node:net";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createServer, type RunningServer } from "./createServer.js";
import { methods } from "./generated/methods.js";
import { RpcError } from "./runtime/RpcError.js";
import { connect, type RpcSocket } from "./runtime/sockets.test-helpers.js";
import { transportHandlers } from "./runtime/transportHandlers.js";

const transport = new Set(Object.keys(transportHandlers));
const handlers: Record<string, unknown> = Object.fromEntries(
  Object.values(methods)
    .filter((m) => !transport.has(m.handler))
    .map((m) => [m.handler, () => ({})]),
);
const CAP = 256 * 1024;
const errors: unknown[] = [];
let server: RunningServer;
const clients: RpcSocket[] = [];
let id = 0;
const rpc = (method: string, params?: unknown) => ({ jsonrpc: "2.0", id: ++id, method, params });

beforeEach(async () => {
  errors.length = 0;
  server = await createServer({
    handlers: handlers as never,
    auth: { authenticate: () => new RpcError(13009, "unauthorized") },
    onError: (e) => errors.push(e),
    limits: { wsMaxBacklogBytes: CAP },
  });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await server.close();
});

it("a subscriber that stops reading is closed once its unsent notifications pass wsMaxBacklogBytes; the others are served", async () => {
  const channel = "trades.BTC-PERPETUAL.raw";
  const stalled = await connect(server.wsUrl);
  const reader = await connect(server.wsUrl);
  clients.push(stalled, reader);
  await stalled.call(rpc("public/subscribe", { channels: [channel] }));
  await reader.call(rpc("public/subscribe", { channels: [channel] }));
  // The stalled client reads nothing more: the kernel's buffers fill, then the server's.
  (stalled.ws as unknown as { _socket: Socket })._socket.pause();
  const data = [{ trade_id: "1", pad: "x".repeat(16 * 1024) }];
  let published = 0;
  // 8 notifications of 16 KB every 5 ms, until the server drops the stalled subscriber: the
  // kernel's buffers fill (a few MB), then its backlog passes the cap, then the connection is
  // closed (dropped a second after its close frame, which it does not read either).
  const started = performance.now();
  while (server.channels.count(channel) === 2 && performance.now() - started < 15_000) {
    for (let i = 0; i < 8; i++) server.channels.publish(channel, data);
    published += 8;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(server.channels.count(channel)).toBe(1);
  // The reader got every notification and is still served.
  await expect
    .poll(() => reader.messages.filter((m) => m.method === "subscription").length, {
      timeout: 10_000,
    })
    .toBe(published);
  const test = await reader.call(rpc("public/test", {}));
  expect(test.result).toBeDefined();
  expect(errors).toEqual([]);
});
