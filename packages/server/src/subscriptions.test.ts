import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createServer, type RunningServer } from "./createServer.js";
import { InvalidParamsError } from "./generated/errors.js";
import { methods } from "./generated/methods.js";
import type { DisconnectInfo } from "./runtime/ChannelHub.js";
import type { RequestContext } from "./runtime/RequestContext.js";
import { RpcError } from "./runtime/RpcError.js";
import { connect, postJson, type RpcSocket } from "./runtime/sockets.test-helpers.js";
import { transportHandlers } from "./runtime/transportHandlers.js";

const transport = new Set(Object.keys(transportHandlers));
const disconnects: { account: unknown; info: DisconnectInfo }[] = [];
const subscribedCalls: string[] = [];

/** Stub handlers: auth logs in as account `client_id`; private/buy publishes before it answers. */
const handlers: Record<string, unknown> = Object.fromEntries(
  Object.values(methods)
    .filter((m) => !transport.has(m.handler))
    .map((m) => [m.handler, () => ({})]),
);
handlers["auth"] = (p: { client_id: string }, context: RequestContext) => {
  context.authenticateConnection({ accountId: Number(p.client_id), scopes: ["trade:read_write"] });
  return {};
};
handlers["buy"] = async (p: { instrument_name: string }, context: RequestContext) => {
  await Promise.resolve();
  const account = context.principal!.accountId;
  context.channels!.publish(`user.orders.${p.instrument_name}.raw`, { order_id: "1" }, account);
  context.channels!.publish(`trades.${p.instrument_name}.raw`, [{ trade_id: "7" }]);
  return { order: { order_id: "1" }, trades: [] };
};
/** private/sell changes the book at once (no await): its notification goes out in the same tick. */
handlers["sell"] = (p: { instrument_name: string }, context: RequestContext) => {
  context.channels!.publish(`book.${p.instrument_name}.raw`, { type: "change" });
  return { order: { order_id: "2" }, trades: [] };
};
/**
 * public/get_time answers after an asynchronous step, in which it sends a `marker` right after
 * its answer (`afterAnswer`) and publishes a trade in a `setImmediate` queued before that.
 */
handlers["getTime"] = async (_p: object, context: RequestContext) => {
  await Promise.resolve();
  setImmediate(() => context.channels!.publish("trades.BTC-PERPETUAL.raw", [{ trade_id: "8" }]));
  const connection = context.connection!;
  const sync = connection.afterAnswer(() =>
    connection.send(JSON.stringify({ jsonrpc: "2.0", method: "marker" })),
  );
  return sync ? 1 : 0;
};
const auth = { authenticate: () => new RpcError(13009, "unauthorized") };

let server: RunningServer;
const clients: RpcSocket[] = [];
let id = 0;
const rpc = (method: string, params?: unknown) => ({ jsonrpc: "2.0", id: ++id, method, params });

async function client(account?: number): Promise<RpcSocket> {
  const c = await connect(server.wsUrl);
  clients.push(c);
  if (account !== undefined)
    await c.call(
      rpc("public/auth", {
        grant_type: "client_credentials",
        client_id: String(account),
        client_secret: "x",
      }),
    );
  return c;
}

beforeEach(async () => {
  disconnects.length = 0;
  subscribedCalls.length = 0;
  server = await createServer({
    handlers: handlers as never,
    auth,
    onError: () => {},
    channels: {
      accept: (channel) =>
        channel.includes("NOPE")
          ? new InvalidParamsError({ param: "channels", reason: "unknown instrument 'NOPE'" })
          : undefined,
      subscribed(channel, context) {
        subscribedCalls.push(channel);
        if (channel.startsWith("book."))
          context.channels!.sendTo(context, channel, { type: "snapshot" });
      },
      disconnected: (context, info) =>
        disconnects.push({ account: context.principal?.accountId, info }),
    },
  });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await server.close();
});

describe("subscribe", () => {
  it("answers the channels, then notifications of a call come before its response", async () => {
    const c = await client(1);
    const answer = await c.call(
      rpc("private/subscribe", {
        channels: ["user.orders.BTC-PERPETUAL.raw", "trades.BTC-PERPETUAL.raw"],
        label: "mine",
      }),
    );
    expect(answer.result).toEqual(["user.orders.BTC-PERPETUAL.raw", "trades.BTC-PERPETUAL.raw"]);
    const start = c.messages.length;
    const buy = rpc("private/buy", {
      instrument_name: "BTC-PERPETUAL",
      amount: "10",
      type: "market",
    });
    await c.call(buy);
    expect(c.messages.slice(start).map((m) => m.method ?? `response ${m.id}`)).toEqual([
      "subscription",
      "subscription",
      `response ${buy.id}`,
    ]);
    expect(c.messages[start]).toEqual({
      jsonrpc: "2.0",
      method: "subscription",
      params: { channel: "user.orders.BTC-PERPETUAL.raw", data: { order_id: "1" }, label: "mine" },
    });
    expect(c.messages[start + 1].params).toEqual({
      channel: "trades.BTC-PERPETUAL.raw",
      data: [{ trade_id: "7" }],
    });
  });

  it("sends user.* notifications only to connections of the account they concern", async () => {
    const mine = await client(1);
    const other = await client(2);
    const channels = ["user.orders.BTC-PERPETUAL.raw"];
    await mine.call(rpc("private/subscribe", { channels }));
    await other.call(rpc("private/subscribe", { channels }));
    expect(server.channels.count("user.orders.BTC-PERPETUAL.raw")).toBe(2);
    const before = other.messages.length;
    await mine.call(
      rpc("private/buy", { instrument_name: "BTC-PERPETUAL", amount: "10", type: "market" }),
    );
    await other.call(rpc("public/test", {}));
    expect(other.messages.slice(before).filter((m) => m.method === "subscription")).toEqual([]);
    expect(mine.messages.filter((m) => m.method === "subscription")).toHaveLength(1);
  });

  it("refuses the whole call for one bad channel, with -32602 on param channels", async () => {
    const c = await client(1);
    const cases: [string, string, string][] = [
      [
        "public/subscribe",
        "user.orders.BTC-PERPETUAL.raw",
        "user.* channels need private/subscribe on an authenticated connection",
      ],
      [
        "public/subscribe",
        "book.BTC-PERPETUAL.agg2",
        "unknown channel 'book.BTC-PERPETUAL.agg2': the intervals served are raw, 100ms",
      ],
      [
        "private/subscribe",
        "user.orders.BTC-PERPETUAL.100ms",
        "unknown channel 'user.orders.BTC-PERPETUAL.100ms': only the raw interval is served",
      ],
      [
        "private/subscribe",
        "ticker.BTC",
        "unknown channel 'ticker.BTC': expected one of user.orders.{instrument_name}.raw",
      ],
      ["public/subscribe", "book.NOPE.raw", "unknown instrument 'NOPE'"],
      // A placeholder holds no white space: a line break names no channel.
      [
        "public/subscribe",
        "book.BTC-PERPETUAL\n.raw",
        "unknown channel 'book.BTC-PERPETUAL\n.raw'",
      ],
      ["public/subscribe", "trades.X\u2028.raw", "unknown channel"],
    ];
    for (const [method, bad, reason] of cases) {
      const answer = await c.call(rpc(method, { channels: ["trades.BTC-PERPETUAL.raw", bad] }));
      expect(answer.error.code).toBe(-32602);
      expect(answer.error.data.param).toBe("channels");
      expect(answer.error.data.reason).toContain(reason);
    }
    expect(server.channels.count("trades.BTC-PERPETUAL.raw")).toBe(0);
  });

  it("calls subscribed after the response: a book snapshot follows it", async () => {
    const c = await client();
    const call = rpc("public/subscribe", { channels: ["book.ETH-PERPETUAL.raw"] });
    const answer = await c.call(call);
    expect(answer.result).toEqual(["book.ETH-PERPETUAL.raw"]);
    await expect.poll(() => c.messages.some((m) => m.method === "subscription")).toBe(true);
    const snapshot = c.messages.find((m) => m.method === "subscription");
    expect(snapshot.params).toEqual({
      channel: "book.ETH-PERPETUAL.raw",
      data: { type: "snapshot" },
    });
    expect(c.messages.indexOf(answer)).toBeLessThan(c.messages.indexOf(snapshot));
  });

  it("sends the snapshot right after the subscribe answer, before a change published in the same read", async () => {
    const c = await client(1);
    const sub = rpc("public/subscribe", { channels: ["book.BTC-PERPETUAL.raw"] });
    const sell = rpc("private/sell", { instrument_name: "BTC-PERPETUAL", amount: 10 });
    // Both requests in one TCP write: the server reads them in one chunk, back to back.
    const socket = (c.ws as unknown as { _socket: import("node:net").Socket })._socket;
    socket.cork();
    const answers = Promise.all([c.call(sub), c.call(sell)]);
    socket.uncork();
    await answers;
    const order = c.messages
      .slice(1) // the auth answer
      .map((m) => (m.id !== undefined ? `answer ${m.id - sub.id}` : m.params.data.type));
    expect(order).toEqual(["answer 0", "snapshot", "change", "answer 1"]);
  });

  it("an account's notifications follow the connection's login: logged in again as another account, it gets that one's", async () => {
    const c = await client(1);
    const channel = "user.orders.BTC-PERPETUAL.raw";
    await c.call(rpc("private/subscribe", { channels: [channel] }));
    server.channels.publish(channel, { order_id: "a" }, 1);
    expect(server.channels.count(channel, 1)).toBe(1);
    await c.call(
      rpc("public/auth", { grant_type: "client_credentials", client_id: "2", client_secret: "x" }),
    );
    expect(server.channels.count(channel, 1)).toBe(0);
    expect(server.channels.count(channel, 2)).toBe(1);
    server.channels.publish(channel, { order_id: "b" }, 1);
    server.channels.publish(channel, { order_id: "c" }, "2");
    await c.call(rpc("public/test"));
    const got = c.messages.filter((m) => m.method === "subscription");
    expect(got.map((m) => m.params.data.order_id)).toEqual(["a", "c"]);
  });

  it("unsubscribe answers the channels that were subscribed; unsubscribe_all and close clear them", async () => {
    const c = await client(1);
    await c.call(
      rpc("public/subscribe", { channels: ["book.BTC-PERPETUAL.raw", "trades.BTC-PERPETUAL.raw"] }),
    );
    const answer = await c.call(
      rpc("public/unsubscribe", { channels: ["book.BTC-PERPETUAL.raw", "book.X.raw"] }),
    );
    expect(answer.result).toEqual(["book.BTC-PERPETUAL.raw"]);
    expect(server.channels.count("book.BTC-PERPETUAL.raw")).toBe(0);
    expect((await c.call(rpc("private/unsubscribe_all", {}))).result).toBe("ok");
    expect(server.channels.count("trades.BTC-PERPETUAL.raw")).toBe(0);
    await c.call(rpc("public/subscribe", { channels: ["trades.BTC-PERPETUAL.raw"] }));
    c.ws.close();
    await c.closed;
    await expect.poll(() => server.channels.count("trades.BTC-PERPETUAL.raw")).toBe(0);
  });

  it("answers 10030 over HTTP", async () => {
    for (const method of ["public/subscribe", "public/unsubscribe", "public/unsubscribe_all"]) {
      const answer = await postJson(
        server.url,
        rpc(method, { channels: ["book.BTC-PERPETUAL.raw"] }),
      );
      expect(answer.json.error).toMatchObject({
        code: 10030,
        data: { reason: `${method} works on a WebSocket connection only (/ws/api/v2)` },
      });
    }
  });
});

describe("afterAnswer after an asynchronous step", () => {
  it("runs right after the call's answer, before a notification published in a setImmediate queued earlier", async () => {
    const c = await client();
    await c.call(rpc("public/subscribe", { channels: ["trades.BTC-PERPETUAL.raw"] }));
    const answer = await c.call(rpc("public/get_time"));
    expect(answer.result).toBe(0);
    await expect.poll(() => c.messages.length).toBeGreaterThanOrEqual(4);
    const at = c.messages.indexOf(answer);
    expect(c.messages.slice(at, at + 3).map((m) => m.method ?? "answer")).toEqual([
      "answer",
      "marker",
      "subscription",
    ]);
  });
});

describe("cancel on disconnect", () => {
  it("stores the flags and tells disconnected which scope applies", async () => {
    const a = await client(5);
    const b = await client(5);
    expect((await a.call(rpc("private/enable_cancel_on_disconnect", {}))).result).toBe("ok");
    expect((await a.call(rpc("private/get_cancel_on_disconnect", {}))).result).toEqual({
      scope: "connection",
      enabled: true,
    });
    await b.call(rpc("private/enable_cancel_on_disconnect", { scope: "account" }));
    expect(
      (await a.call(rpc("private/get_cancel_on_disconnect", { scope: "account" }))).result,
    ).toEqual({
      scope: "account",
      enabled: true,
    });
    a.ws.close();
    await expect.poll(() => disconnects.length).toBe(1);
    expect(disconnects[0]).toEqual({
      account: 5,
      info: { lastOfAccount: false, cancel: "connection", account: 5 },
    });
    b.ws.close();
    await expect.poll(() => disconnects.length).toBe(2);
    expect(disconnects[1]).toEqual({
      account: 5,
      info: { lastOfAccount: true, cancel: "account", account: 5 },
    });
  });

  it("a connection that authenticated as another account since cancels the orders of the one that enabled it", async () => {
    const a = await client(7);
    await a.call(rpc("private/enable_cancel_on_disconnect", {}));
    await a.call(
      rpc("public/auth", { grant_type: "client_credentials", client_id: "8", client_secret: "x" }),
    );
    a.ws.close();
    await expect.poll(() => disconnects.length).toBe(1);
    expect(disconnects[0]).toEqual({
      account: 8,
      info: { lastOfAccount: true, cancel: "connection", account: 7 },
    });
  });

  it("a disabled connection closing cancels nothing", async () => {
    const a = await client(6);
    await a.call(rpc("private/enable_cancel_on_disconnect", { scope: "connection" }));
    await a.call(rpc("private/disable_cancel_on_disconnect", { scope: "connection" }));
    a.ws.close();
    await expect.poll(() => disconnects.length).toBe(1);
    expect(disconnects[0]!.info).toEqual({ lastOfAccount: true, cancel: undefined });
  });
});
