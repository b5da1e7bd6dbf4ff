import { afterEach, beforeEach, expect, it } from "vitest";
import { createServer, type RunningServer } from "./createServer.js";
import { methods } from "./generated/methods.js";
import type { RequestContext } from "./runtime/RequestContext.js";
import { RpcError } from "./runtime/RpcError.js";
import type { ServerLimits } from "./runtime/ServerLimits.js";
import { connect, type RpcSocket } from "./runtime/sockets.test-helpers.js";
import { transportHandlers } from "./runtime/transportHandlers.js";

// A server with a long notification linger (1 s), so that what is held is held for sure.
const LINGER_MS = 1_000;
const transport = new Set(Object.keys(transportHandlers));
const handlers: Record<string, unknown> = Object.fromEntries(
  Object.values(methods)
    .filter((m) => !transport.has(m.handler))
    .map((m) => [m.handler, () => ({})]),
);
let sold = 0;
/** private/sell changes the book: one book notification per call, numbered. */
handlers["sell"] = (p: { instrument_name: string }, context: RequestContext) => {
  context.channels!.publish(`book.${p.instrument_name}.raw`, { type: "change", n: ++sold });
  return { order: { order_id: String(sold) }, trades: [] };
};
handlers["auth"] = (_p: unknown, context: RequestContext) => {
  context.authenticateConnection({ accountId: 1, scopes: ["trade:read_write"] });
  return {};
};

let server: RunningServer;
const clients: RpcSocket[] = [];
let id = 0;
const rpc = (method: string, params?: unknown) => ({ jsonrpc: "2.0", id: ++id, method, params });
const sell = rpc("private/sell", { instrument_name: "BTC-PERPETUAL", amount: 10 });
const changes = (c: RpcSocket) =>
  c.messages.filter((m) => m.method === "subscription").map((m) => m.params.data.n);

const serve = (limits: Partial<ServerLimits>) =>
  createServer({
    handlers: handlers as never,
    auth: { authenticate: () => new RpcError(13009, "unauthorized") },
    onError: () => {},
    limits,
  });

beforeEach(async () => {
  sold = 0;
  server = await serve({ notificationLingerMs: LINGER_MS });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await server.close();
});

async function pair() {
  const watcher = await connect(server.wsUrl);
  const trader = await connect(server.wsUrl);
  clients.push(watcher, trader);
  await watcher.call(rpc("public/subscribe", { channels: ["book.BTC-PERPETUAL.raw"] }));
  await trader.call(
    rpc("public/auth", { grant_type: "client_credentials", client_id: "1", client_secret: "x" }),
  );
  return { watcher, trader };
}

it("an idle subscriber gets a notification at once; within the linger the next ones wait, then leave together", async () => {
  const { watcher, trader } = await pair();
  await trader.call({ ...sell, id: ++id });
  await expect.poll(() => changes(watcher)).toEqual([1]);
  const heldAt = performance.now();
  await trader.call({ ...sell, id: ++id });
  await trader.call({ ...sell, id: ++id });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(changes(watcher)).toEqual([1]); // held: written to less than 1 s ago
  await expect.poll(() => changes(watcher), { timeout: 5_000 }).toEqual([1, 2, 3]);
  expect(performance.now() - heldAt).toBeLessThan(LINGER_MS + 3_000);
});

it("a subscriber that calls gets what it holds before its answer, in order", async () => {
  const { watcher, trader } = await pair();
  await trader.call({ ...sell, id: ++id });
  await expect.poll(() => changes(watcher)).toEqual([1]);
  await trader.call({ ...sell, id: ++id });
  await trader.call({ ...sell, id: ++id });
  const test = rpc("public/test", {});
  await watcher.call(test);
  const order = watcher.messages
    .slice(1) // the subscribe answer
    .map((m) => (m.id === undefined ? `change ${m.params.data.n}` : `answer ${m.id - test.id}`));
  expect(order).toEqual(["change 1", "change 2", "change 3", "answer 0"]);
});

it("notificationMaxHeldBytes: a connection holding that many bytes writes them, whatever the linger left", async () => {
  await server.close();
  // Each notification is over 100 bytes: with 100 held at most, none waits for the linger.
  server = await serve({ notificationLingerMs: LINGER_MS, notificationMaxHeldBytes: 100 });
  const { watcher, trader } = await pair();
  for (let n = 1; n <= 3; n++) {
    await trader.call({ ...sell, id: ++id });
    await expect.poll(() => changes(watcher), { timeout: 500 }).toHaveLength(n);
  }
  expect(changes(watcher)).toEqual([1, 2, 3]);
});
