import { afterAll, beforeAll, expect, test } from "vitest";
import { createClient } from "../createClient.js";
import { SubscriptionOverflowError } from "../index.js";
import {
  BOB,
  BOOK,
  type BookData,
  failOnUnhandledRejections,
  type ReferenceServer,
  settle,
  sleep,
  startHubServer,
  startProxy,
} from "./abuseHarness.test-helpers.js";

failOnUnhandledRejections();

let server: ReferenceServer;
let serverCount: (channel: string) => number;
beforeAll(async () => {
  ({ server, count: serverCount } = await startHubServer());
});
afterAll(() => server?.close());

test("a reconnect handshake that times out: nothing from the abandoned socket reaches the iterator after the next connection's data", async () => {
  // Connection 1 is normal. It is cut; on connection 2 the server's bytes are 400 ms late, so the
  // handshake's resubscribe times out at 200 ms and the client abandons that socket and opens
  // connection 3 (normal). Connection 2's late subscribe answer and snapshot still arrive.
  const proxy = await startProxy(server.port, { delayFirstMs: 400, delayConnection: 2 });
  const opens: number[] = [];
  const client = createClient({
    url: proxy.url,
    transport: "ws",
    timeoutMs: 200,
    reconnect: { initialDelayMs: 20, maxDelayMs: 50 },
    onConnectionEvent: (e) => {
      if (e.type === "open") opens.push(Date.now());
    },
  });
  const maker = createClient({ url: server.url, transport: "ws", auth: BOB });
  const items: BookData[] = [];
  try {
    const it = client.subscribe(BOOK);
    const reading = (async () => {
      for await (const x of it) items.push(x as BookData);
    })().catch((e: unknown) => e);
    await settle(it.ready(), 2000);
    await sleep(50);
    expect(items.map((x) => x.type)).toEqual(["snapshot"]);
    proxy.drop();
    const t0 = Date.now();
    while (opens.length < 2 && Date.now() - t0 < 3000) await sleep(5);
    expect(opens.length).toBe(2);
    expect(proxy.connections()).toBe(3);
    await sleep(20);
    await maker.buy({
      instrument_name: "BTC-PERPETUAL",
      amount: "10",
      type: "limit",
      price: "777",
    });
    await sleep(700); // connection 2's late bytes arrive meanwhile
    await it.return();
    expect(await settle(reading)).not.toBe("HANG");
    // expected: snapshot (conn 1), snapshot (conn 3), then the change linked to conn 3's
    // snapshot; nothing after it from the abandoned connection 2 (a late snapshot there would
    // roll a consumer's book back)
    const seq = items.map((x) => `${x.type}:${x.change_id}`);
    expect(
      seq.filter((t) => t.startsWith("snapshot")),
      seq.join(", "),
    ).toHaveLength(2);
    expect(items.at(-1)?.type, seq.join(", ")).toBe("change");
  } finally {
    await client.close();
    await maker.close();
    await proxy.close();
  }
});

test("break while the server does not answer the unsubscribe: leaving the loop does not throw", async () => {
  const proxy = await startProxy(server.port);
  const events: { type: string; channel?: string; error?: unknown }[] = [];
  const client = createClient({
    url: proxy.url,
    transport: "ws",
    timeoutMs: 300,
    onConnectionEvent: (event) => events.push(event),
  });
  try {
    let outcome: unknown = "left";
    try {
      for await (const _ of client.subscribe(BOOK)) {
        proxy.frozen = true; // the server goes silent (e.g. overloaded)
        break;
      }
    } catch (error) {
      outcome = error;
    }
    // The iterator is done for its consumer; the unsubscribe is the client's business, and its
    // failure is reported.
    expect(outcome).toBe("left");
    const failed = events.find((e) => e.type === "unsubscribe-failed");
    expect(failed).toMatchObject({ channel: BOOK, error: { name: "TimeoutError" } });
  } finally {
    await client.close();
    await proxy.close();
  }
});

test("a consumer that never reads, default bufferSize: 10,000 buffered then SubscriptionOverflowError; the server subscription ends", async () => {
  const client = createClient({ url: server.url, transport: "ws" });
  const maker = createClient({ url: server.url, transport: "ws", auth: BOB });
  try {
    const slow = client.subscribe(BOOK);
    await slow.ready();
    // 10,050 book changes: bids at distinct prices, then their cancels
    let made = 0;
    const ids: string[] = [];
    while (made < 10_050) {
      if (ids.length < 5000) {
        const batch = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            maker.buy({
              instrument_name: "BTC-PERPETUAL",
              amount: "10",
              type: "limit",
              price: String(1 + ((made + i) % 4000) * 0.5),
            }),
          ),
        );
        for (const b of batch) ids.push(b.order.order_id);
      } else {
        await Promise.all(ids.splice(0, 50).map((order_id) => maker.cancel({ order_id })));
      }
      made += 50;
    }
    await Promise.all(ids.splice(0).map((order_id) => maker.cancel({ order_id })));
    await sleep(200);
    expect(serverCount(BOOK)).toBe(0);
    let n = 0;
    let error: unknown;
    try {
      for await (const _ of slow) n += 1;
    } catch (e) {
      error = e;
    }
    expect(n).toBe(10_000);
    expect(error).toBeInstanceOf(SubscriptionOverflowError);
  } finally {
    await client.close();
    await maker.close();
  }
}, 60_000);
