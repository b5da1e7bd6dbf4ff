// Abuse tests: pipelined requests (many frames in ONE socket write) mixing orders from a
// connection with no subscriptions and a subscribe from that same connection in the middle; and
// the spec's ordering rule between a trader connection and a watcher connection
// (spec/src/methods/subscription.yaml: the notifications a call causes reach every subscribed
// connection before the response to any call the server handles after that command there).
// Run with the in-memory journal, with a journal whose flush takes time (as a disk's does), and
// with a real data dir.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "@unwind/engine";
import { afterEach, describe, expect, test } from "vitest";
import type { Journal } from "../journal/Journal.js";
import { type ReferenceServer, startReferenceServer } from "../startReferenceServer.js";
import { ALICE, BOB, CAROL } from "../testing/rpc.test-helpers.js";
import { type OrderBookAnswer, orderBook, replayBook } from "./bookReplay.test-helpers.js";
import { Peer, peers } from "./Peer.test-helpers.js";

const BTC = "BTC-PERPETUAL";
const BOOK = `book.${BTC}.raw`;
const TRADES = `trades.${BTC}.raw`;
let server: ReferenceServer;
const dirs: string[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.ws.terminate();
  await server?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A journal whose flush resolves `delayMs` after the first command appended since the last one. */
class SlowJournal implements Journal {
  #pending: Promise<void> | undefined;
  constructor(readonly delayMs: number) {}
  append(_command: Command): void {
    this.#pending ??= new Promise((resolve) =>
      setTimeout(() => {
        this.#pending = undefined;
        resolve();
      }, this.delayMs),
    );
  }
  flush(): Promise<void> | undefined {
    return this.#pending;
  }
  async close(): Promise<void> {
    await this.#pending;
  }
}

type Mode = "memory" | "slow journal" | "data dir";

async function start(mode: Mode, delayMs = 20): Promise<ReferenceServer> {
  if (mode === "memory") return startReferenceServer({ port: 0, log: () => {} });
  if (mode === "slow journal")
    return startReferenceServer({ port: 0, log: () => {}, journal: new SlowJournal(delayMs) });
  const dir = mkdtempSync(join(tmpdir(), "unwind-abuse-"));
  dirs.push(dir);
  return startReferenceServer({ port: 0, log: () => {}, dataDir: dir });
}

const order = (price: string | number, amount: string | number) => ({
  instrument_name: BTC,
  price: String(price),
  amount: String(amount),
});

function expectBookMatches(messages: any[], ob: OrderBookAnswer) {
  const told = replayBook(messages);
  expect(told.problems).toEqual([]);
  expect(told.changeId).toBe(ob.change_id);
  expect(told.bids).toEqual(ob.bids);
  expect(told.asks).toEqual(ob.asks);
}

/** 60 orders that rest and cross, from one account's connection. */
function burst(): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  for (let i = 0; i < 60; i++) {
    const buy = i % 2 === 0;
    const price = buy ? 49990 + (i % 7) * 5 : 50010 - (i % 5) * 5;
    // Every 6th order crosses the other side of the book.
    const crossing = i % 6 === 5;
    out.push([
      buy ? "private/buy" : "private/sell",
      order(crossing ? (buy ? 50100 : 49900) : price, 10 + (i % 3) * 10),
    ]);
  }
  return out;
}

describe.each<Mode>(["memory", "slow journal", "data dir"])("pipelining (%s)", (mode) => {
  test("one write: orders from a connection with no subscriptions, a book subscribe in the middle: snapshot, then a gap-free chain that gives get_order_book", async () => {
    server = await start(mode);
    const bob = await Peer.open(server.wsUrl, { key: BOB });
    // Resting liquidity on both sides first.
    for (let i = 0; i < 5; i++) {
      await bob.call("private/sell", order(50050 + i * 10, 50));
      await bob.call("private/buy", order(49950 - i * 10, 50));
    }
    const trader = await Peer.open(server.wsUrl, { key: ALICE });
    const requests = burst();
    requests.splice(30, 0, ["public/subscribe", { channels: [BOOK, TRADES] }]);
    const answers = await Promise.all(trader.pipeline(requests));
    for (const a of answers) expect(a.error).toBeUndefined();
    const subAnswer = answers[30];
    expect(subAnswer.result).toEqual([BOOK, TRADES]);
    // Nothing of the book before the subscribe answer; the snapshot right after it.
    const subAt = trader.answerIndex(subAnswer.id);
    const before = trader.messages.slice(0, subAt).filter((m) => m.method === "subscription");
    expect(before).toEqual([]);
    expect(trader.messages[subAt + 1]?.params?.data?.type).toBe("snapshot");
    // Each later order's book change comes before its answer.
    for (const a of answers.slice(31)) {
      const at = trader.answerIndex(a.id);
      const seen = trader.messages.slice(0, at).filter((m) => m.params?.channel === BOOK);
      expect(seen.length).toBeGreaterThan(0);
    }
    const ob = await orderBook(trader, BTC);
    expectBookMatches(trader.notes(BOOK), ob);
    // Trades after the subscribe: every trade of the later answers, once, in order.
    const later = answers.slice(31).flatMap((a) => a.result.trades.map((t: any) => t.trade_id));
    const told = trader.notes(TRADES).flatMap((d) => d.map((t: any) => t.trade_id));
    expect(told).toEqual(later);
  });

  test("one write from the subscribing connection: subscribe, orders, unsubscribe, orders, subscribe, orders: each snapshot chains to the end of its segment", async () => {
    server = await start(mode);
    const trader = await Peer.open(server.wsUrl, { key: ALICE });
    const bob = await Peer.open(server.wsUrl, { key: BOB });
    await bob.call("private/sell", order(50050, 100));
    const b = burst();
    const requests: [string, Record<string, unknown>][] = [
      ["public/subscribe", { channels: [BOOK] }],
      ...b.slice(0, 20),
      ["public/unsubscribe", { channels: [BOOK] }],
      ...b.slice(20, 40),
      ["public/subscribe", { channels: [BOOK] }],
      ...b.slice(40),
    ];
    const answers = await Promise.all(trader.pipeline(requests));
    for (const a of answers) expect(a.error).toBeUndefined();
    const ob = await orderBook(trader, BTC);
    const book = trader.notes(BOOK);
    const snaps = book.flatMap((m, i) => (m.type === "snapshot" ? [i] : []));
    expect(snaps).toHaveLength(2);
    expect(replayBook(book.slice(0, snaps[1])).problems).toEqual([]);
    expectBookMatches(book.slice(snaps[1]), ob);
  });

  test("trader with no subscriptions and a watcher: the watcher's answers to later calls come after the notifications of earlier commands", async () => {
    server = await start(mode);
    const bob = await Peer.open(server.wsUrl, { key: BOB });
    for (let i = 0; i < 5; i++) await bob.call("private/sell", order(50000 + i * 10, 100));
    const watcher = await Peer.open(server.wsUrl);
    expect(
      (await watcher.call("public/subscribe", { channels: [BOOK, TRADES] })).error,
    ).toBeUndefined();
    const trader = await Peer.open(server.wsUrl, { key: ALICE });
    const violations: string[] = [];
    for (let i = 0; i < 30; i++) {
      const placed = await trader.call("private/buy", order(50000 + (i % 5) * 10, 10));
      expect(placed.error).toBeUndefined();
      const tradeIds: string[] = placed.result.trades.map((t: any) => t.trade_id);
      // Three kinds of later call on the watcher: a read that waits for the journal, and two
      // that do not.
      for (const [method, params] of [
        ["public/get_order_book", { instrument_name: BTC, depth: 10000 }],
        ["public/test", {}],
        ["public/get_time", {}],
      ] as const) {
        const a = await watcher.call(method, params);
        const at = watcher.answerIndex(a.id);
        const seenTrades = watcher.messages
          .slice(0, at)
          .filter((m) => m.params?.channel === TRADES)
          .flatMap((m) => m.params.data.map((t: any) => t.trade_id));
        for (const id of tradeIds)
          if (!seenTrades.includes(id))
            violations.push(`${method} answered before trade ${id} of order ${i}`);
        if (method === "public/get_order_book") {
          const seenBook = watcher.messages.slice(0, at).filter((m) => m.params?.channel === BOOK);
          if (seenBook.at(-1).params.data.change_id !== a.result.change_id)
            violations.push(
              `get_order_book change_id ${a.result.change_id} answered after book change ${seenBook.at(-1).params.data.change_id}`,
            );
        }
      }
    }
    expect(violations).toEqual([]);
  });

  test("trader pipelines orders in one write while the watcher pipelines reads in one write: every watcher answer after the notifications of the commands it shows", async () => {
    server = await start(mode);
    const bob = await Peer.open(server.wsUrl, { key: BOB });
    for (let i = 0; i < 5; i++) await bob.call("private/sell", order(50000 + i * 10, 200));
    const watcher = await Peer.open(server.wsUrl);
    await watcher.call("public/subscribe", { channels: [BOOK] });
    const trader = await Peer.open(server.wsUrl, { key: ALICE });
    const reads: [string, Record<string, unknown>][] = Array.from({ length: 40 }, () => [
      "public/get_order_book",
      { instrument_name: BTC, depth: 10000 },
    ]);
    const orders = trader.pipeline(burst());
    const answers = await Promise.all(watcher.pipeline(reads));
    await Promise.all(orders);
    // A get_order_book answer shows a change_id: the watcher was told that change before it.
    for (const a of answers) {
      const at = watcher.answerIndex(a.id);
      const seen = watcher.messages.slice(0, at).filter((m) => m.params?.channel === BOOK);
      expect(seen.at(-1).params.data.change_id).toBe(a.result.change_id);
    }
    expectBookMatches(watcher.notes(BOOK), await orderBook(watcher, BTC));
  });
});

describe("subscribe while commands await the journal (slow journal)", () => {
  test("the only book subscriber unsubscribes while a change is unpublished, a command nobody watches follows, a new subscriber arrives: its chain has no gap", async () => {
    server = await start("slow journal", 100);
    const bob = await Peer.open(server.wsUrl, { key: BOB });
    await bob.call("private/sell", order(50050, 100));
    const a = await Peer.open(server.wsUrl);
    await a.call("public/subscribe", { channels: [BOOK] });
    const trader = await Peer.open(server.wsUrl, { key: ALICE });
    // C1: built for A's book channel, unpublished until the journal's flush.
    const c1 = trader.call("private/buy", order(49000, 10));
    await new Promise((r) => setTimeout(r, 5));
    const un = await a.call("public/unsubscribe", { channels: [BOOK] });
    expect(un.result).toEqual([BOOK]);
    // C2: nobody listens to the book now.
    const c2 = trader.call("private/buy", order(49001, 10));
    await new Promise((r) => setTimeout(r, 5));
    const b = await Peer.open(server.wsUrl);
    await b.call("public/subscribe", { channels: [BOOK] });
    await Promise.all([c1, c2]);
    await trader.call("private/buy", order(49002, 10));
    const ob = await orderBook(b, BTC);
    expectBookMatches(b.notes(BOOK), ob);
  });

  test("a subscriber joins between a command's apply and its flush (mirror live): snapshot before it, then its change", async () => {
    server = await start("slow journal", 100);
    const bob = await Peer.open(server.wsUrl, { key: BOB });
    await bob.call("private/sell", order(50050, 100));
    const a = await Peer.open(server.wsUrl);
    await a.call("public/subscribe", { channels: [BOOK] });
    const trader = await Peer.open(server.wsUrl, { key: CAROL });
    const c1 = trader.call("private/buy", order(49000, 10));
    await new Promise((r) => setTimeout(r, 5));
    const b = await Peer.open(server.wsUrl);
    await b.call("public/subscribe", { channels: [BOOK] });
    await c1;
    const ob = await orderBook(b, BTC);
    expectBookMatches(b.notes(BOOK), ob);
    await a.call("public/test"); // A's frames leave at the end of a turn: its next answer follows them
    expectBookMatches(a.notes(BOOK), ob);
  });
});

describe("ordering while a command awaits the journal (slow journal: a 50 ms flush)", () => {
  test("a watcher's call handled after a command (while it awaits the journal) is answered after that command's notifications", async () => {
    server = await start("slow journal", 50);
    const bob = await Peer.open(server.wsUrl, { key: BOB });
    await bob.call("private/sell", order(50000, 1000));
    const watcher = await Peer.open(server.wsUrl);
    await watcher.call("public/subscribe", { channels: [BOOK, TRADES] });
    const trader = await Peer.open(server.wsUrl, { key: ALICE });
    const violations: string[] = [];
    for (let i = 0; i < 10; i++) {
      // The buy and the watcher's calls leave in the same instant: the server reads the buy first
      // (it waits for the buy's bytes to be read by the server before the watcher writes).
      const placed = trader.call("private/buy", order(50000, 10));
      await new Promise((r) => setTimeout(r, 2));
      const calls = await Promise.all([
        watcher.call("public/test"),
        watcher.call("public/get_time"),
        watcher.call("public/subscribe", { channels: [TRADES] }),
        watcher.call("public/get_order_book", { instrument_name: BTC }),
      ]);
      const tradeIds: string[] = (await placed).result.trades.map((t: any) => t.trade_id);
      for (const [k, a] of calls.entries()) {
        const at = watcher.answerIndex(a.id);
        const seen = watcher.messages
          .slice(0, at)
          .filter((m) => m.params?.channel === TRADES)
          .flatMap((m) => m.params.data.map((t: any) => t.trade_id));
        for (const id of tradeIds)
          if (!seen.includes(id))
            violations.push(
              `call ${k} (${["public/test", "public/get_time", "public/subscribe", "public/get_order_book"][k]}) of round ${i} answered before trade ${id}`,
            );
      }
    }
    expect(violations).toEqual([]);
  });
});

describe.each<Mode>(["slow journal", "data dir"])(
  "unsubscribe after pipelined orders (%s)",
  (mode) => {
    test("orders then unsubscribe pipelined by a book subscriber: every order's book change reaches it, before the order's answer and before the unsubscribe answer", async () => {
      server = await start(mode, 50);
      const bob = await Peer.open(server.wsUrl, { key: BOB });
      await bob.call("private/sell", order(50050, 100));
      const trader = await Peer.open(server.wsUrl, { key: ALICE });
      await trader.call("public/subscribe", { channels: [BOOK] });
      const answers = await Promise.all(
        trader.pipeline([...burst().slice(0, 20), ["public/unsubscribe", { channels: [BOOK] }]]),
      );
      for (const a of answers) expect(a.error).toBeUndefined();
      await trader.call("public/test");
      const unAt = trader.answerIndex(answers[20].id);
      const before = trader.messages.slice(0, unAt).filter((m) => m.params?.channel === BOOK);
      const after = trader.messages.slice(unAt + 1).filter((m) => m.params?.channel === BOOK);
      expect(after).toEqual([]);
      // The snapshot and one change per order (each one rests or trades: the book moves), all
      // handled while subscribed, told before the unsubscribe's answer.
      expect(before.map((m) => m.params.data.type)).toEqual([
        "snapshot",
        ...Array.from({ length: 20 }, () => "change"),
      ]);
    });
  },
);
