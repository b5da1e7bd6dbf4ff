import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import WebSocket from "ws";
import { ChannelNotSubscribedError } from "./ChannelNotSubscribedError.js";
import { ConnectionClosedError } from "./ConnectionClosedError.js";
import { addChannels, type ChannelWire } from "./channelServer.test-helpers.js";
import { createWsTransport } from "./createWsTransport.js";
import { RpcError } from "./RpcError.js";
import { SubscriptionOverflowError } from "./SubscriptionOverflowError.js";
import type { WebSocketConstructor } from "./WebSocketLike.js";
import type { WsTransport } from "./WsTransport.js";
import type { WsTransportOptions } from "./WsTransportOptions.js";
import { rejection, startWireServer, type WireServer } from "./wireServer.test-helpers.js";

const WS = WebSocket as unknown as WebSocketConstructor;
let server: WireServer;
let wire: ChannelWire;
const authenticated = new WeakSet<object>();
const open: WsTransport[] = [];
const closeWatchers = new Set<() => void>();
const transportFor = (options: Partial<WsTransportOptions> = {}) => {
  const transport = createWsTransport({
    url: server.wsUrl,
    WebSocket: WS,
    reconnect: { initialDelayMs: 1, maxDelayMs: 5 },
    ...options,
    onConnectionEvent: (event) => {
      options.onConnectionEvent?.(event);
      if (event.type === "close") for (const watch of closeWatchers) watch();
    },
  });
  open.push(transport);
  return transport;
};
/** Drops every connection and resolves once the client has seen its connection close. */
const dropConnection = () => {
  const seen = new Promise<void>((resolve) => {
    const watch = () => {
      closeWatchers.delete(watch);
      resolve();
    };
    closeWatchers.add(watch);
  });
  server.dropSockets();
  return seen;
};
const count = (method: string) => server.requests.filter((r) => r.method === method).length;
/** Resolves once the server has received `n` requests of `method` in all. */
const received = (method: string, n: number) =>
  server.received((requests) => requests.filter((r) => r.method === method).length >= n);
/** A round trip on the transport: what the server sent before its answer has been received. */
const roundTrip = (transport: WsTransport) => transport.request("public/test", {});
/** Takes the next `n` values of an iterator. */
const take = async <T>(iterator: AsyncIterator<T>, n: number): Promise<T[]> => {
  const values: T[] = [];
  while (values.length < n) {
    const next = await iterator.next();
    if (next.done) break;
    values.push(next.value);
  }
  return values;
};

beforeAll(async () => {
  server = await startWireServer({
    "public/test": () => ({ version: "1.2.26" }),
    "public/auth": (request) => {
      authenticated.add(request.socket!);
      return { access_token: "a", refresh_token: "r", expires_in: 900, token_type: "bearer" };
    },
  });
  wire = addChannels(server, (socket) => authenticated.has(socket));
});
beforeEach(() => {
  server.requests.length = 0;
  wire.refused.clear();
  wire.answer = undefined;
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});
afterAll(() => server.close());

describe("subscribe over the WebSocket transport", () => {
  test("yields the channel's notifications in the order the server sent them", async () => {
    const transport = transportFor();
    const book = transport.subscribe<number>("book.BTC-PERPETUAL.raw");
    await book.ready();
    expect(server.requests.map((r) => [r.method, r.params])).toEqual([
      ["public/subscribe", { channels: ["book.BTC-PERPETUAL.raw"] }],
    ]);
    for (let n = 1; n <= 100; n++) wire.publish("book.BTC-PERPETUAL.raw", n);
    wire.publish("trades.BTC-PERPETUAL.raw", "not subscribed");
    const seen: number[] = [];
    for await (const n of book) {
      seen.push(n);
      if (n === 100) break;
    }
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  test("break unsubscribes the channel on the server", async () => {
    const transport = transportFor();
    const trades = transport.subscribe("trades.ETH-PERPETUAL.raw");
    await trades.ready();
    wire.publish("trades.ETH-PERPETUAL.raw", [{ trade_id: "1" }]);
    for await (const data of trades) {
      expect(data).toEqual([{ trade_id: "1" }]);
      break;
    }
    const last = server.requests.at(-1)!;
    expect([last.method, last.params]).toEqual([
      "public/unsubscribe",
      { channels: ["trades.ETH-PERPETUAL.raw"] },
    ]);
    expect([...wire.subscriptions.get(last.socket!)!]).toEqual([]);
    expect(await trades.next()).toEqual({ value: undefined, done: true });
  });

  test("iterators of one channel share one server subscription; the last to leave unsubscribes", async () => {
    const transport = transportFor();
    const first = transport.subscribe<string>("book.BTC-PERPETUAL.raw");
    const second = transport.subscribe<string>("book.BTC-PERPETUAL.raw");
    await Promise.all([first.ready(), second.ready()]);
    expect(count("public/subscribe")).toBe(1);
    wire.publish("book.BTC-PERPETUAL.raw", "a");
    expect(await take(first, 1)).toEqual(["a"]);
    expect(await take(second, 1)).toEqual(["a"]);
    await first.return();
    await roundTrip(transport);
    expect(count("public/unsubscribe")).toBe(0);
    wire.publish("book.BTC-PERPETUAL.raw", "b");
    expect(await take(second, 1)).toEqual(["b"]);
    await second.return();
    expect(count("public/unsubscribe")).toBe(1);
  });

  test("user.* channels go through private/subscribe and private/unsubscribe, after onConnect", async () => {
    const transport = transportFor({
      onConnect: async (send) => {
        await send("public/auth", { grant_type: "client_credentials" });
      },
    });
    const changes = transport.subscribe("user.changes.BTC-PERPETUAL.raw");
    await changes.ready();
    await changes.return();
    expect(server.requests.map((r) => r.method)).toEqual([
      "public/auth",
      "private/subscribe",
      "private/unsubscribe",
    ]);
  });

  test("a subscribe the server refuses rejects next() and ready() with its RpcError", async () => {
    const transport = transportFor();
    const unknown = transport.subscribe("book.NOPE.100ms");
    const refusal = await rejection(unknown.next());
    expect(refusal).toBeInstanceOf(RpcError);
    expect(refusal).toMatchObject({
      code: -32602,
      data: { param: "channels", reason: "unknown channel 'book.NOPE.100ms'" },
    });
    expect(await rejection(unknown.ready())).toBe(refusal);
    expect(await unknown.next()).toEqual({ value: undefined, done: true });
    // without auth the server refuses a private channel: the next subscribe is a new attempt
    const orders = transport.subscribe("user.orders.BTC-PERPETUAL.raw");
    expect(await rejection(orders.next())).toMatchObject({ code: 13009 });
  });

  test("a subscribe answered without the channel rejects with ChannelNotSubscribedError", async () => {
    const transport = transportFor();
    wire.answer = [];
    const book = transport.subscribe("book.BTC-PERPETUAL.raw");
    const error = await rejection(book.next());
    expect(error).toBeInstanceOf(ChannelNotSubscribedError);
    expect(error.shortMessage).toBe("The server did not subscribe book.BTC-PERPETUAL.raw.");
  });

  test("the server drops the connection: every channel is subscribed again before queued calls go out", async () => {
    const events: string[] = [];
    const transport = transportFor({
      onConnect: async (send) => {
        await send("public/auth", { grant_type: "client_credentials" });
      },
      onConnectionEvent: (event) => events.push(event.type),
    });
    const changes = transport.subscribe<number>("user.changes.BTC-PERPETUAL.raw");
    const book = transport.subscribe<number>("book.BTC-PERPETUAL.raw");
    await Promise.all([changes.ready(), book.ready()]);
    wire.publish("user.changes.BTC-PERPETUAL.raw", 1);
    expect(await take(changes, 1)).toEqual([1]);

    server.requests.length = 0;
    await dropConnection();
    const queued = transport.request("public/test", {});
    await received("public/test", 1);
    expect(server.requests.map((r) => r.method)).toEqual([
      "public/auth",
      "private/subscribe",
      "public/subscribe",
      "public/test",
    ]);
    await queued;
    expect(events).toContain("reconnect");
    await Promise.all([changes.ready(), book.ready()]);
    wire.publish("user.changes.BTC-PERPETUAL.raw", 2);
    wire.publish("book.BTC-PERPETUAL.raw", 3);
    expect(await take(changes, 1)).toEqual([2]);
    expect(await take(book, 1)).toEqual([3]);
  });

  test("calls queued during a reconnect go out only once the renewed subscriptions are answered", async () => {
    const transport = transportFor();
    const book = transport.subscribe("book.BTC-PERPETUAL.raw");
    await book.ready();
    const log: string[] = [];
    const subscribe = server.handlers["public/subscribe"]!;
    const test = server.handlers["public/test"]!;
    try {
      // a slow answer: a client that did not wait for it would send public/test meanwhile
      server.handlers["public/subscribe"] = (request) =>
        new Promise((resolve) => setTimeout(resolve, 50)).then(() => {
          log.push("subscribe answered");
          return subscribe(request);
        });
      server.handlers["public/test"] = (request) => {
        log.push("test received");
        return test(request);
      };
      await dropConnection();
      await transport.request("public/test", {});
      expect(log).toEqual(["subscribe answered", "test received"]);
    } finally {
      server.handlers["public/subscribe"] = subscribe;
      server.handlers["public/test"] = test;
    }
  });

  test("a channel the server refuses after a reconnect rejects its iterator; the others carry on", async () => {
    const transport = transportFor();
    const kept = transport.subscribe<number>("book.BTC-PERPETUAL.raw");
    const gone = transport.subscribe<number>("book.ETH-PERPETUAL.raw");
    await Promise.all([kept.ready(), gone.ready()]);
    wire.refused.add("book.ETH-PERPETUAL.raw");
    server.dropSockets();
    expect(await rejection(gone.next())).toMatchObject({
      code: -32602,
      data: { reason: "unknown channel 'book.ETH-PERPETUAL.raw'" },
    });
    await kept.ready();
    wire.publish("book.BTC-PERPETUAL.raw", 7);
    expect(await take(kept, 1)).toEqual([7]);
  });

  test("subscribing while the connection is being re-established waits for it", async () => {
    const transport = transportFor();
    await transport.connect();
    await dropConnection();
    const book = transport.subscribe<number>("book.BTC-PERPETUAL.raw");
    await book.ready();
    expect(count("public/subscribe")).toBe(1);
    wire.publish("book.BTC-PERPETUAL.raw", 1);
    expect(await take(book, 1)).toEqual([1]);
  });

  test("without reconnect a dropped connection rejects next() with ConnectionClosedError", async () => {
    const transport = transportFor({ reconnect: false });
    const book = transport.subscribe<number>("book.BTC-PERPETUAL.raw");
    await book.ready();
    wire.publish("book.BTC-PERPETUAL.raw", 1);
    await roundTrip(transport);
    server.dropSockets();
    expect(await take(book, 1)).toEqual([1]);
    const error = await rejection(book.next());
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error.shortMessage).toMatch(/does not reconnect/);
  });

  test("close() ends every iterator after what it buffered", async () => {
    const transport = transportFor();
    const book = transport.subscribe<number>("book.BTC-PERPETUAL.raw");
    await book.ready();
    wire.publish("book.BTC-PERPETUAL.raw", 1);
    await roundTrip(transport);
    const waiting = transport.subscribe<number>("book.BTC-PERPETUAL.raw");
    const pending = waiting.next();
    await transport.close();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await take(book, 5)).toEqual([1]);
    expect(() => transport.subscribe("book.BTC-PERPETUAL.raw")).toThrow(ConnectionClosedError);
  });

  test("unsubscribeAll() ends every iterator and sends public/unsubscribe_all", async () => {
    const transport = transportFor();
    const a = transport.subscribe("book.BTC-PERPETUAL.raw");
    const b = transport.subscribe("trades.BTC-PERPETUAL.raw");
    await Promise.all([a.ready(), b.ready()]);
    const socket = server.requests[0]!.socket!;
    expect(wire.subscriptions.get(socket)!.size).toBe(2);
    await transport.unsubscribeAll();
    expect(await a.next()).toEqual({ value: undefined, done: true });
    expect(await b.next()).toEqual({ value: undefined, done: true });
    expect(wire.subscriptions.get(socket)!.size).toBe(0);
    expect(count("public/unsubscribe_all")).toBe(1);
  });

  test("a consumer that falls bufferSize behind gets what was buffered, then SubscriptionOverflowError", async () => {
    const transport = transportFor();
    const book = transport.subscribe<number>("book.BTC-PERPETUAL.raw", { bufferSize: 3 });
    await book.ready();
    for (let n = 1; n <= 5; n++) wire.publish("book.BTC-PERPETUAL.raw", n);
    await roundTrip(transport);
    await received("public/unsubscribe", 1);
    expect(await take(book, 3)).toEqual([1, 2, 3]);
    const error = await rejection(book.next());
    expect(error).toBeInstanceOf(SubscriptionOverflowError);
    expect(error).toMatchObject({ channel: "book.BTC-PERPETUAL.raw", bufferSize: 3 });
  });

  test('overflow: "drop-oldest" keeps the newest bufferSize notifications', async () => {
    const transport = transportFor();
    const book = transport.subscribe<number>("book.BTC-PERPETUAL.raw", {
      bufferSize: 2,
      overflow: "drop-oldest",
    });
    await book.ready();
    for (let n = 1; n <= 5; n++) wire.publish("book.BTC-PERPETUAL.raw", n);
    await roundTrip(transport);
    expect(await take(book, 2)).toEqual([4, 5]);
    wire.publish("book.BTC-PERPETUAL.raw", 6);
    expect(await take(book, 1)).toEqual([6]);
    expect(count("public/unsubscribe")).toBe(0);
  });
});

describe("heartbeat", () => {
  test("a test_request is answered with public/test; a plain heartbeat is not", async () => {
    const notifications: unknown[] = [];
    const transport = transportFor({ onNotification: (m) => notifications.push(m) });
    await transport.connect();
    wire.heartbeat("heartbeat");
    wire.heartbeat("test_request");
    await received("public/test", 1);
    expect(server.requests.map((r) => r.method)).toEqual(["public/test"]);
    expect(notifications).toEqual([
      { jsonrpc: "2.0", method: "heartbeat", params: { type: "heartbeat" } },
      { jsonrpc: "2.0", method: "heartbeat", params: { type: "test_request" } },
    ]);
  });
});
