// Abuse probes of client.subscribe against the real reference server, over real sockets. A TCP
// proxy in front of the server lets a test cut the connection (server side of the client's view:
// the socket is destroyed, as a crashed server or a dropped network does).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startReferenceServer } from "@unwind/reference";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient } from "../createClient.js";
import {
  ConnectionClosedError,
  InvalidParamsError,
  SubscriptionOverflowError,
  UnauthorizedError,
} from "../index.js";
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
  until,
} from "./abuseHarness.test-helpers.js";

const CAROL = { clientId: "carol-key", clientSecret: "carol-secret-TEST-ONLY" };
const INSTRUMENT = "BTC-PERPETUAL";

failOnUnhandledRejections();

let server: ReferenceServer;
let serverCount: (channel: string, account?: number | string) => number;
beforeAll(async () => {
  ({ server, count: serverCount } = await startHubServer());
});
afterAll(() => server?.close());

function strangerAccountsFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "unwind-abuse-"));
  const path = join(dir, "accounts.json");
  writeFileSync(
    path,
    JSON.stringify({
      accounts: [
        {
          id: 201,
          username: "stranger",
          creation_timestamp: 1699990000000,
          balances: { BTC: "1", ETH: "1" },
          api_keys: [{ client_id: "stranger-key", client_secret: "stranger-secret-TEST-ONLY" }],
        },
      ],
    }),
  );
  return path;
}

// Book changes: bob places bids far below the market at distinct prices (each one a change) and
// cancels them again, so the book stays small.
let priceTick = 0;
async function bookChanges(
  maker: ReturnType<typeof createClient>,
  n: number,
  batch = 40,
): Promise<void> {
  for (let done = 0; done < n; ) {
    const k = Math.min(batch, n - done);
    const orders = await Promise.all(
      Array.from({ length: k }, () => {
        priceTick = (priceTick + 1) % 2000;
        return maker.buy({
          instrument_name: INSTRUMENT,
          amount: "10",
          type: "limit",
          price: String(100 + priceTick * 0.5),
        });
      }),
    );
    done += k;
    // cancels are book changes too; count them
    const c = Math.min(k, n - done);
    await Promise.all(orders.slice(0, c).map((o) => maker.cancel({ order_id: o.order.order_id })));
    done += c;
  }
}

/** change_ids strictly increase; every change links to the one before it (a snapshot starts over). */
function checkBookSequence(items: BookData[]): string[] {
  const problems: string[] = [];
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1]!;
    const cur = items[i]!;
    if (cur.type === "snapshot") continue;
    if (cur.change_id <= prev.change_id)
      problems.push(`#${i} change_id ${cur.change_id} after ${prev.change_id}`);
    if (cur.prev_change_id !== prev.change_id)
      problems.push(
        `#${i} prev_change_id ${cur.prev_change_id} but previous was ${prev.change_id}`,
      );
  }
  return problems;
}

describe("1. reconnect: the iterator carries on", () => {
  test("book.*.raw: after the connection is cut, a new snapshot comes first, then changes in order, nothing duplicated", async () => {
    const proxy = await startProxy(server.port);
    const events: string[] = [];
    const client = createClient({
      url: proxy.url,
      transport: "ws",
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
      onConnectionEvent: (e) => events.push(e.type),
    });
    const maker = createClient({ url: server.url, transport: "ws", auth: BOB });
    const items: BookData[] = [];
    try {
      const sub = client.subscribe(BOOK);
      const reading = (async () => {
        for await (const x of sub) {
          items.push(x as BookData);
          if (items.length >= 1 + 20 + 1 + 20) break;
        }
      })();
      await sub.ready();
      await until("first snapshot", () => items.length >= 1);
      await bookChanges(maker, 20);
      await until("20 changes", () => items.length >= 21);
      proxy.drop();
      await until("reconnected", () => events.filter((e) => e === "open").length >= 2);
      await sub.ready();
      await until("second snapshot", () => items.length >= 22);
      await bookChanges(maker, 20);
      const done = await settle(reading, 5000);
      expect(done).not.toBe("HANG");
      expect(items[0]!.type).toBe("snapshot");
      expect(items.slice(1, 21).every((x) => x.type === "change")).toBe(true);
      expect(items[21]!.type).toBe("snapshot");
      expect(items.slice(22).every((x) => x.type === "change")).toBe(true);
      expect(checkBookSequence(items)).toEqual([]);
      const ids = items.filter((x) => x.type === "change").map((x) => x.change_id);
      expect(new Set(ids).size).toBe(ids.length);
      await until("server count 0 after break", () => serverCount(BOOK) === 0);
    } finally {
      await client.close();
      await maker.close();
      await proxy.close();
    }
  });

  test("book.*.raw: the server restarts on the same port; the iterator carries on with a snapshot", async () => {
    const own = await startReferenceServer({ port: 0, log: () => {} });
    const port = own.port;
    const client = createClient({
      url: own.url,
      transport: "ws",
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    let restarted: ReferenceServer | undefined;
    try {
      const it = client.subscribe(BOOK);
      const first = await settle(it.next());
      expect(first).toMatchObject({ ok: { done: false, value: { type: "snapshot" } } });
      await own.close();
      restarted = await startReferenceServer({ port, log: () => {} });
      const maker = createClient({ url: restarted.url, transport: "ws", auth: BOB });
      try {
        const second = await settle(it.next(), 8000);
        expect(second).toMatchObject({ ok: { done: false, value: { type: "snapshot" } } });
        await maker.buy({ instrument_name: INSTRUMENT, amount: "10", type: "limit", price: "500" });
        const third = await settle(it.next());
        expect(third).toMatchObject({ ok: { done: false, value: { type: "change" } } });
      } finally {
        await maker.close();
      }
      await it.return();
    } finally {
      await client.close();
      await restarted?.close();
    }
  });

  test("user.changes.*: a private channel is resubscribed after re-authentication and keeps delivering", async () => {
    const proxy = await startProxy(server.port);
    let opens = 0;
    const carol = createClient({
      url: proxy.url,
      transport: "ws",
      auth: CAROL,
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
      onConnectionEvent: (e) => {
        if (e.type === "open") opens += 1;
      },
    });
    const maker = createClient({ url: server.url, transport: "ws", auth: BOB });
    try {
      const channel = "user.changes.ETH-PERPETUAL.raw";
      const it = carol.subscribe(channel);
      await it.ready();
      expect(serverCount(channel, 103)).toBe(1);
      await carol.buy({
        instrument_name: "ETH-PERPETUAL",
        amount: "1",
        type: "limit",
        price: "10",
      });
      const a = await settle(it.next());
      expect(a).toMatchObject({ ok: { done: false } });
      proxy.drop();
      await until("reopened", () => opens >= 2);
      await it.ready();
      await until("server holds the private channel again", () => serverCount(channel, 103) === 1);
      await carol.buy({
        instrument_name: "ETH-PERPETUAL",
        amount: "1",
        type: "limit",
        price: "11",
      });
      const b = await settle(it.next());
      expect(b).toMatchObject({
        ok: { done: false, value: { instrument_name: "ETH-PERPETUAL" } },
      });
      await it.return();
      await until("unsubscribed", () => serverCount(channel, 103) === 0);
    } finally {
      await carol.close();
      await maker.close();
      await proxy.close();
    }
  });

  test("an iterator waiting in next() across a cut does not hang and gets the new snapshot", async () => {
    const proxy = await startProxy(server.port);
    const client = createClient({
      url: proxy.url,
      transport: "ws",
      reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
    });
    try {
      const it = client.subscribe(BOOK);
      expect(await settle(it.next())).toMatchObject({ ok: { value: { type: "snapshot" } } });
      const waiting = it.next(); // nothing happens on the book: pending
      await sleep(50);
      proxy.drop();
      expect(await settle(waiting, 5000)).toMatchObject({
        ok: { done: false, value: { type: "snapshot" } },
      });
      await it.return();
    } finally {
      await client.close();
      await proxy.close();
    }
  });

  test("subscribing while the client is in backoff: the channel is subscribed once the server is back", async () => {
    const proxy = await startProxy(server.port);
    const client = createClient({
      url: proxy.url,
      transport: "ws",
      reconnect: { initialDelayMs: 100, maxDelayMs: 200 },
    });
    try {
      await client.test({});
      proxy.refuse = true;
      proxy.drop();
      await sleep(150);
      const it = client.subscribe("trades.BTC-PERPETUAL.raw");
      const pending = it.next();
      await sleep(300);
      proxy.refuse = false;
      await settle(it.ready(), 5000);
      expect(serverCount("trades.BTC-PERPETUAL.raw")).toBe(1);
      await it.return();
      expect(await settle(pending)).toMatchObject({ ok: { done: true } });
      await until("unsubscribed", () => serverCount("trades.BTC-PERPETUAL.raw") === 0);
    } finally {
      await client.close();
      await proxy.close();
    }
  });
});

describe("2. break / return() unsubscribes", () => {
  test("break out of for await: the server count goes to 0", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    try {
      for await (const x of client.subscribe(BOOK)) {
        expect((x as BookData).type).toBe("snapshot");
        expect(serverCount(BOOK)).toBe(1);
        break;
      }
      await until("count 0", () => serverCount(BOOK) === 0, 2000);
    } finally {
      await client.close();
    }
  });

  test("two iterators of one channel: only the last one leaving unsubscribes", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    const maker = createClient({ url: server.url, transport: "ws", auth: BOB });
    try {
      const a = client.subscribe(BOOK);
      const b = client.subscribe(BOOK);
      await Promise.all([a.ready(), b.ready()]);
      expect(serverCount(BOOK)).toBe(1);
      await a.return();
      await sleep(100);
      expect(serverCount(BOOK)).toBe(1);
      // b still receives
      await maker.buy({ instrument_name: INSTRUMENT, amount: "10", type: "limit", price: "300" });
      const seen: BookData[] = [];
      for (;;) {
        const r = await settle(b.next());
        if (r === "HANG" || "error" in r) throw new Error(`b: ${String(r)}`);
        if (r.ok.done) throw new Error("b ended");
        seen.push(r.ok.value as BookData);
        if ((r.ok.value as BookData).type === "change") break;
      }
      expect(await a.next()).toEqual({ value: undefined, done: true });
      await b.return();
      await until("count 0", () => serverCount(BOOK) === 0, 2000);
    } finally {
      await client.close();
      await maker.close();
    }
  });

  test("subscribe and break 1,000 times: no server subscription, timer or listener leaks", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    try {
      await client.test({});
      const handlesBefore = (process as any)._getActiveHandles().length;
      const timersBefore = (process as any)
        .getActiveResourcesInfo?.()
        .filter((r: string) => r === "Timeout").length;
      for (let i = 0; i < 1000; i++) {
        for await (const _ of client.subscribe(BOOK)) break;
      }
      // also break before anything came, via return() right away
      for (let i = 0; i < 1000; i++) {
        const it = client.subscribe(BOOK);
        await it.return();
      }
      await until("count 0", () => serverCount(BOOK) === 0, 5000);
      await client.test({}); // the connection still works
      await sleep(100);
      const handlesAfter = (process as any)._getActiveHandles().length;
      const timersAfter = (process as any)
        .getActiveResourcesInfo?.()
        .filter((r: string) => r === "Timeout").length;
      expect(handlesAfter).toBeLessThanOrEqual(handlesBefore + 1);
      expect(timersAfter).toBeLessThanOrEqual(timersBefore + 1);
      const transport = client.transport as any;
      expect(transport.state).toBe("open");
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe("3. slow consumer", () => {
  test("an iterator that never reads overflows with SubscriptionOverflowError after yielding its buffer; a reading iterator of the same channel is unaffected", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    const maker = createClient({ url: server.url, transport: "ws", auth: BOB });
    try {
      const slow = client.subscribe(BOOK, { bufferSize: 100 });
      const fast = client.subscribe(BOOK);
      await Promise.all([slow.ready(), fast.ready()]);
      const fastItems: BookData[] = [];
      const reading = (async () => {
        for await (const x of fast) {
          fastItems.push(x as BookData);
          if (fastItems.length >= 1 + 600) break;
        }
      })();
      await bookChanges(maker, 600);
      expect(await settle(reading, 10_000)).not.toBe("HANG");
      expect(checkBookSequence(fastItems)).toEqual([]);
      // slow: 100 buffered items, then the typed error
      let got = 0;
      let error: unknown;
      for (;;) {
        const r = await settle(slow.next());
        if (r === "HANG") throw new Error("slow iterator hangs");
        if ("error" in r) {
          error = r.error;
          break;
        }
        if (r.ok.done) break;
        got += 1;
      }
      expect(got).toBe(100);
      expect(error).toBeInstanceOf(SubscriptionOverflowError);
      // once thrown, it is done
      expect(await slow.next()).toEqual({ value: undefined, done: true });
      await until("count 0", () => serverCount(BOOK) === 0, 2000);
    } finally {
      await client.close();
      await maker.close();
    }
  }, 60_000);

  test("the only iterator overflows: the channel is unsubscribed on the server", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    const maker = createClient({ url: server.url, transport: "ws", auth: BOB });
    try {
      const slow = client.subscribe(BOOK, { bufferSize: 10 });
      await slow.ready();
      await bookChanges(maker, 40);
      await until("count 0", () => serverCount(BOOK) === 0, 3000);
      let n = 0;
      const outcome = await (async () => {
        try {
          for await (const _ of slow) n += 1;
          return "ended";
        } catch (e) {
          return e;
        }
      })();
      expect(n).toBe(10);
      expect(outcome).toBeInstanceOf(SubscriptionOverflowError);
    } finally {
      await client.close();
      await maker.close();
    }
  }, 30_000);

  test("drop-oldest keeps the newest bufferSize items and carries on", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    const maker = createClient({ url: server.url, transport: "ws", auth: BOB });
    try {
      const it = client.subscribe(BOOK, { bufferSize: 5, overflow: "drop-oldest" });
      await it.ready();
      await bookChanges(maker, 40);
      await sleep(200);
      const got: BookData[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await settle(it.next());
        if (r === "HANG" || "error" in r) throw new Error("drop-oldest failed");
        got.push(r.ok.value as BookData);
      }
      expect(checkBookSequence(got)).toEqual([]);
      expect(await settle(it.next(), 300)).toBe("HANG"); // nothing more buffered
      await it.return();
    } finally {
      await client.close();
      await maker.close();
    }
  }, 30_000);
});

describe("4. refusals, server down, close()", () => {
  test("unknown instrument: next() and ready() reject with InvalidParamsError", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    try {
      const it = client.subscribe("book.DOGE-PERPETUAL.raw");
      const ready = await settle(it.ready());
      expect(ready).toMatchObject({ error: expect.any(InvalidParamsError) });
      const r = await settle(it.next());
      expect(r).toMatchObject({ error: expect.any(InvalidParamsError) });
      expect(await it.next()).toEqual({ value: undefined, done: true });
    } finally {
      await client.close();
    }
  });

  test("unknown channel name: next() rejects with a typed RpcError", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    try {
      const it = (client.subscribe as any)("nonsense.channel");
      const r = await settle(it.next());
      expect(r).not.toBe("HANG");
      expect(r).toMatchObject({ error: expect.any(InvalidParamsError) });
    } finally {
      await client.close();
    }
  });

  test("an unknown channel next to good ones on one connection does not break the good ones", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    try {
      const good = client.subscribe(BOOK);
      const bad = client.subscribe("book.NOPE-PERPETUAL.raw");
      const [g, b] = await Promise.all([settle(good.next()), settle(bad.next())]);
      expect(g).toMatchObject({ ok: { value: { type: "snapshot" } } });
      expect(b).toMatchObject({ error: expect.any(InvalidParamsError) });
      await good.return();
    } finally {
      await client.close();
    }
  });

  test("a private channel without credentials rejects with a typed error", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    try {
      const it = client.subscribe("user.changes.BTC-PERPETUAL.raw");
      const r = await settle(it.next());
      expect(r).not.toBe("HANG");
      expect((r as { error: unknown }).error).toBeInstanceOf(Error);
      expect(String((r as { error: Error }).error.name)).toMatch(/Error$/);
    } finally {
      await client.close();
    }
  });

  test("subscribe while the server is down: next() rejects with ConnectionClosedError, no hang", async () => {
    const proxy = await startProxy(server.port);
    proxy.refuse = true;
    const client = createClient({ url: proxy.url, transport: "ws" });
    try {
      const it = client.subscribe(BOOK);
      const r = await settle(it.next(), 5000);
      expect(r).toMatchObject({ error: expect.any(ConnectionClosedError) });
      const ready = await settle(it.ready());
      expect(ready).toMatchObject({ error: expect.any(ConnectionClosedError) });
    } finally {
      await client.close();
      await proxy.close();
    }
  });

  test("subscribe to a port nothing listens on: next() rejects with ConnectionClosedError", async () => {
    const proxy = await startProxy(server.port);
    const deadPort = proxy.port;
    await proxy.close();
    const client = createClient({ url: `http://127.0.0.1:${deadPort}`, transport: "ws" });
    try {
      const it = client.subscribe(BOOK);
      const r = await settle(it.next(), 5000);
      expect(r).toMatchObject({ error: expect.any(ConnectionClosedError) });
    } finally {
      await client.close();
    }
  });

  test("close() while next() is pending: the iterator ends (done), ready() does not hang", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    const it = client.subscribe(BOOK);
    await it.next(); // snapshot
    const pending = it.next();
    const other = client.subscribe("trades.ETH-PERPETUAL.raw");
    const otherPending = other.next();
    await settle(client.close());
    expect(await settle(pending)).toEqual({ ok: { value: undefined, done: true } });
    expect(await settle(otherPending)).toEqual({ ok: { value: undefined, done: true } });
    expect(await settle(it.ready())).not.toBe("HANG");
    expect(await settle(it.return())).toMatchObject({ ok: { done: true } });
  });

  test("close() while the subscribe is still in flight: the iterator ends, no hang", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    const it = client.subscribe(BOOK);
    const pending = it.next();
    const started = performance.now();
    const closing = client.close();
    expect(await settle(pending)).toMatchObject({ ok: { done: true } });
    expect(await settle(closing)).not.toBe("HANG");
    // The socket was still connecting: close() does not wait for closeSocket's 1 s fallback.
    expect(performance.now() - started).toBeLessThan(900);
  });

  test("subscribe after close(): a clear ConnectionClosedError, no hang", async () => {
    const client = createClient({ url: server.url, transport: "ws" });
    await client.test({});
    await client.close();
    let it: any;
    let thrown: unknown;
    try {
      it = client.subscribe(BOOK);
    } catch (e) {
      thrown = e;
    }
    if (thrown) expect(thrown).toBeInstanceOf(ConnectionClosedError);
    else
      expect(await settle(it.next())).toMatchObject({ error: expect.any(ConnectionClosedError) });
  });

  test("reconnect: false and the connection is cut: iterators reject with ConnectionClosedError after their buffer", async () => {
    const proxy = await startProxy(server.port);
    const client = createClient({ url: proxy.url, transport: "ws", reconnect: false });
    try {
      const it = client.subscribe(BOOK);
      await it.ready();
      await sleep(50);
      proxy.drop();
      const first = await settle(it.next());
      expect(first).toMatchObject({ ok: { value: { type: "snapshot" } } });
      expect(await settle(it.next())).toMatchObject({ error: expect.any(ConnectionClosedError) });
      expect(await it.next()).toEqual({ value: undefined, done: true });
    } finally {
      await client.close();
      await proxy.close();
    }
  });

  test("a refused re-authentication after a cut: private iterators reject with the auth error, no hang", async () => {
    const own = await startReferenceServer({ port: 0, log: () => {} });
    const port = own.port;
    const carol = createClient({
      url: own.url,
      transport: "ws",
      auth: CAROL,
      reconnect: { initialDelayMs: 50, maxDelayMs: 100 },
    });
    let other: ReferenceServer | undefined;
    try {
      const it = carol.subscribe("user.orders.BTC-PERPETUAL.raw");
      await it.ready();
      await own.close();
      // a server on the same port that does not know carol's key
      other = await startReferenceServer({
        port,
        log: () => {},
        accounts: strangerAccountsFile(),
      });
      const r = await settle(it.next(), 8000);
      expect(r).not.toBe("HANG");
      expect((r as { error: unknown }).error).toBeInstanceOf(UnauthorizedError);
    } finally {
      await carol.close();
      await other?.close();
    }
  });
});
