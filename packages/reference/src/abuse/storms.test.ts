import { afterEach, describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "../startReferenceServer.js";
import { ALICE, BOB, CAROL } from "../testing/rpc.test-helpers.js";
import { orderBook, replayBook } from "./bookReplay.test-helpers.js";
import { Peer, peers } from "./Peer.test-helpers.js";

const BTC = "BTC-PERPETUAL";
const BOOK = `book.${BTC}.raw`;
const TRADES = `trades.${BTC}.raw`;
let server: ReferenceServer;
afterEach(async () => {
  for (const p of peers.splice(0)) p.ws.terminate();
  await server?.close();
});

const order = (price: string, amount: string) => ({ instrument_name: BTC, price, amount });

/** Applies a snapshot and its changes; fails the test on a broken chain. */
function replay(messages: any[]) {
  const told = replayBook(messages);
  expect(told.problems).toEqual([]);
  return told;
}

/** A fresh subscriber's snapshot equals get_order_book (asked on the same connection, after). */
async function freshSnapshotMatches(url: string) {
  const fresh = await Peer.open(url);
  const sub = await fresh.call("public/subscribe", { channels: [BOOK] });
  expect(sub.result).toEqual([BOOK]);
  const ob = await orderBook(fresh, BTC);
  const told = replay(fresh.notes(BOOK));
  expect(told.changeId).toBe(ob.change_id);
  expect(told.bids).toEqual(ob.bids);
  expect(told.asks).toEqual(ob.asks);
  return ob;
}

/** Trading that moves the book: resting orders, crossing orders, cancels. */
async function trade(alice: Peer, bob: Peer, rounds: number, onRound?: (i: number) => void) {
  for (let i = 0; i < rounds; i++) {
    onRound?.(i);
    const p = 50000 + (i % 20) * 0.5;
    const batch = [
      bob.call("private/sell", order(String(p + 10), "20")),
      alice.call("private/buy", order(String(p - 10), "20")),
      alice.call("private/buy", order(String(p + 10), "10")),
      bob.call("private/sell", order(String(p - 10), "10")),
    ];
    const answers = await Promise.all(batch);
    for (const a of answers) expect(a.error).toBeUndefined();
    if (i % 3 === 0) {
      const id = answers[0].result.order.order_id;
      await bob.call("private/cancel", { order_id: id });
    }
  }
}

describe("subscription storms", () => {
  test("200 book subscribers, half destroyed abruptly mid-trading: survivors' chains give get_order_book; a fresh snapshot does too", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const alice = await Peer.open(server.wsUrl);
    await alice.auth(ALICE);
    const bob = await Peer.open(server.wsUrl);
    await bob.auth(BOB);
    // Some levels before anyone listens.
    await trade(alice, bob, 5);
    const watchers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        Peer.open(server.wsUrl, { localAddress: `127.0.0.${2 + (i % 3)}` }),
      ),
    );
    await Promise.all(
      watchers.map(async (w, i) => {
        const channels = i % 4 === 0 ? [BOOK, TRADES, `book.${BTC}.100ms`] : [BOOK, TRADES];
        const s = await w.call("public/subscribe", { channels });
        expect(s.result).toEqual(channels);
      }),
    );
    const doomed = watchers.filter((_, i) => i % 2 === 1);
    const survivors = watchers.filter((_, i) => i % 2 === 0);
    await trade(alice, bob, 40, (i) => {
      if (i === 10) for (const w of doomed.slice(0, 50)) w.socket.destroy();
      if (i === 20) for (const w of doomed.slice(50)) w.socket.destroy();
    });
    await Promise.all(doomed.map((w) => w.closed));
    const ob = await orderBook(alice, BTC);
    for (const w of survivors) {
      // Their next answer comes after every notification of the commands before it.
      const t = await w.call("public/test");
      expect(t.error).toBeUndefined();
      const told = replay(w.notes(BOOK));
      expect(told.changeId).toBe(ob.change_id);
      expect(told.bids).toEqual(ob.bids);
      expect(told.asks).toEqual(ob.asks);
    }
    // The 100ms subscribers among the survivors: their windows give the same book.
    const book100 = `book.${BTC}.100ms`;
    for (const w of watchers.filter((_, i) => i % 4 === 0)) {
      await Promise.race([
        w.waitFor((m) => m.params?.channel === book100 && m.params.data.change_id === ob.change_id),
        new Promise((r) => setTimeout(r, 1000)),
      ]);
      const told = replay(w.notes(book100));
      expect(told.changeId).toBe(ob.change_id);
      expect(told.bids).toEqual(ob.bids);
      expect(told.asks).toEqual(ob.asks);
    }
    await freshSnapshotMatches(server.wsUrl);
    expect((await alice.call("public/test")).error).toBeUndefined();
    expect((await alice.call("public/get_time")).result).toBeTypeOf("number");
  });

  test("one connection: 300 pipelined subscribe/unsubscribe of the book while another trades; each snapshot starts a gap-free chain and the last one gives get_order_book", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const alice = await Peer.open(server.wsUrl);
    await alice.auth(ALICE);
    const bob = await Peer.open(server.wsUrl);
    await bob.auth(BOB);
    const w = await Peer.open(server.wsUrl);
    const storm: Promise<any>[] = [];
    const trading = trade(alice, bob, 30, () => {
      for (let k = 0; k < 10; k++) {
        const method =
          k % 3 === 2
            ? "public/unsubscribe_all"
            : k % 2 === 0
              ? "public/subscribe"
              : "public/unsubscribe";
        storm.push(w.call(method, method.endsWith("_all") ? {} : { channels: [BOOK, TRADES] }));
      }
    });
    await trading;
    const answers = await Promise.all(storm);
    for (const a of answers) expect(a.error).toBeUndefined();
    // End subscribed.
    await w.call("public/subscribe", { channels: [BOOK] });
    await trade(alice, bob, 3);
    const ob = await orderBook(w, BTC);
    // Split the book messages at each snapshot: every segment is a chain.
    const book = w.notes(BOOK);
    const segments: any[][] = [];
    for (const m of book) {
      if (m.type === "snapshot") segments.push([m]);
      else {
        expect(segments.length).toBeGreaterThan(0);
        segments.at(-1)!.push(m);
      }
    }
    for (const s of segments) replay(s);
    const last = replay(segments.at(-1)!);
    expect(last.changeId).toBe(ob.change_id);
    expect(last.bids).toEqual(ob.bids);
    expect(last.asks).toEqual(ob.asks);
    await freshSnapshotMatches(server.wsUrl);
  });

  test("subscribe then destroy at once, 300 times, while trading: server answers, fresh snapshot matches", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const alice = await Peer.open(server.wsUrl);
    await alice.auth(ALICE);
    const bob = await Peer.open(server.wsUrl);
    await bob.auth(BOB);
    let opened = 0;
    const churn = (async () => {
      for (let i = 0; i < 300; i++) {
        const p = await Peer.open(server.wsUrl, { localAddress: `127.0.0.${5 + (i % 4)}` });
        opened++;
        // Subscribe and die without waiting for the answer (the snapshot goes to a dead socket).
        p.ws.send(
          JSON.stringify({
            jsonrpc: "2.0",
            id: 1,
            method: "public/subscribe",
            params: { channels: [BOOK, TRADES, `book.${BTC}.100ms`] },
          }),
        );
        if (i % 2 === 0) p.socket.destroy();
        else setImmediate(() => p.socket.destroy());
      }
    })();
    await Promise.all([churn, trade(alice, bob, 30)]);
    expect(opened).toBe(300);
    await new Promise((r) => setTimeout(r, 200));
    await freshSnapshotMatches(server.wsUrl);
    expect((await alice.call("public/test")).error).toBeUndefined();
  });

  test("many authenticated connections of one account subscribe private channels and are destroyed: notifications keep reaching the survivor", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const carolMain = await Peer.open(server.wsUrl);
    await carolMain.auth(CAROL);
    const ch = `user.orders.${BTC}.raw`;
    await carolMain.call("private/subscribe", { channels: [ch], label: "main" });
    const extra = await Promise.all(
      Array.from({ length: 30 }, () => Peer.open(server.wsUrl, { localAddress: "127.0.0.9" })), // 31 tokens: under maxTokensPerKey (32),
    );
    await Promise.all(
      extra.map(async (p, i) => {
        await p.auth(CAROL);
        await p.call("private/subscribe", { channels: [ch], ...(i % 2 ? { label: `l${i}` } : {}) });
      }),
    );
    const placed: Promise<any>[] = [];
    for (let i = 0; i < 20; i++) {
      placed.push(carolMain.call("private/buy", order(String(40000 + i), "10")));
      if (i === 5) for (const p of extra.slice(0, 15)) p.socket.destroy();
      if (i === 12) for (const p of extra.slice(15)) p.socket.destroy();
    }
    const answers = await Promise.all(placed);
    for (const a of answers) expect(a.error).toBeUndefined();
    const ids = answers.map((a) => a.result.order.order_id);
    const seen = carolMain.notes(ch).map((d) => d.order_id);
    expect(seen).toEqual(ids);
    for (const m of carolMain.messages.filter((x) => x.method === "subscription"))
      expect(m.params.label).toBe("main");
  });
});
