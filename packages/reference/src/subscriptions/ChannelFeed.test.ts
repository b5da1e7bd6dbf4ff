import {
  Engine,
  getOrderBook,
  getOrderState,
  getPosition,
  placeOrder,
  placeOrderJson,
} from "@unwind/engine";
import { RawJson } from "@unwind/server";
import { expect, test } from "vitest";
import { MemoryJournal } from "../journal/MemoryJournal.js";
import type { BookChange } from "./BookMirror.js";
import { ChannelFeed, INTERVAL_MS, type UserChanges } from "./ChannelFeed.js";
import type { ChannelSink } from "./ChannelSink.js";
import { cancelOnDisconnect } from "./cancelOnDisconnect.js";

const BTC = "BTC-PERPETUAL";
const accounts = [1, 2, 3].map((id) => ({ id, username: `u${id}`, balances: { BTC: "10" } }));

/** A sink that keeps what it is sent; `listen` says which channels have a subscriber. */
class RecordingSink implements ChannelSink {
  readonly sent: { channel: string; data: unknown; account: number | undefined }[] = [];
  readonly listening = new Set<string>();
  counted = 0;
  publish(channel: string, data: unknown, account?: number): void {
    const json = data instanceof RawJson ? data.json : JSON.stringify(data);
    this.sent.push({ channel, data: JSON.parse(json), account });
  }
  count(channel: string): number {
    this.counted++;
    return this.listening.has(channel) ? 1 : 0;
  }
  on(channel: string) {
    return this.sent.filter((s) => s.channel === channel);
  }
}

/** The clock of the feeds' 100ms windows (ms), moved by the tests. */
let clock = 0;

function setup(...channels: string[]) {
  const engine = new Engine({ accounts, events: false });
  const feed = new ChannelFeed(engine, { now: () => clock });
  const sink = new RecordingSink();
  for (const c of channels) sink.listening.add(c);
  feed.attach(sink);
  return { engine, feed, sink };
}

const place = (
  engine: Engine,
  account: number,
  dir: "buy" | "sell",
  price: string,
  amount: string,
) => placeOrder(engine, account, dir, { instrument_name: BTC, price, amount }, 1000);

test("a close_position's notifications carry get_order_state's order, buy's trades and get_position's position", () => {
  const { engine, feed, sink } = setup(
    `user.orders.${BTC}.raw`,
    `user.trades.${BTC}.raw`,
    `user.changes.${BTC}.raw`,
  );
  place(engine, 2, "sell", "50000", "100");
  place(engine, 1, "buy", "50000", "100");
  place(engine, 3, "buy", "49000", "100");
  feed.publishPending();
  sink.sent.length = 0;
  const r = engine.apply({ type: "close_position", account: 1, instrument: BTC, timestamp: 2000 });
  expect(r.code).toBe(0);
  // Held until the command is durable.
  expect(sink.sent).toEqual([]);
  feed.publishPending();
  const closeId = "4";
  const mine = sink.sent.filter((s) => s.account === 1);
  const orders = mine.filter((s) => s.channel === `user.orders.${BTC}.raw`);
  const state = getOrderState(engine, 1, { order_id: closeId });
  expect(orders.map((o) => o.data)).toEqual([state.ok && state.result]);
  expect((orders[0]!.data as { order_state: string }).order_state).toBe("filled");
  const changes = mine.find((s) => s.channel === `user.changes.${BTC}.raw`)!.data as UserChanges;
  const position = getPosition(engine, 1, { instrument_name: BTC });
  expect(changes.positions).toEqual([position.ok && position.result]);
  expect(changes.positions[0]!.size).toBe("0");
  const trades = mine.find((s) => s.channel === `user.trades.${BTC}.raw`)!.data;
  expect(trades).toEqual(changes.trades);
  expect(changes.trades).toMatchObject([{ order_id: closeId, liquidity: "T", amount: "100" }]);
  // The maker's notifications go to the maker only.
  const theirs = sink.sent.filter((s) => s.account === 3);
  expect(theirs.map((s) => s.channel).sort()).toEqual(
    [`user.changes.${BTC}.raw`, `user.orders.${BTC}.raw`, `user.trades.${BTC}.raw`].sort(),
  );
  expect(sink.sent.every((s) => s.account === 1 || s.account === 3)).toBe(true);
});

test("buy's JSON trades equal the user.trades data of the same command", () => {
  const { engine, feed, sink } = setup(`user.trades.${BTC}.raw`);
  place(engine, 2, "sell", "50000", "30");
  const json = placeOrderJson(
    engine,
    1,
    "buy",
    { instrument_name: BTC, price: "50000", amount: "30" },
    1500,
  );
  expect(json.ok).toBe(true);
  feed.publishPending();
  const result = JSON.parse(json.ok ? json.result : "null") as { trades: unknown[] };
  expect(sink.on(`user.trades.${BTC}.raw`).find((s) => s.account === 1)!.data).toEqual(
    result.trades,
  );
});

test("book changes chain from the snapshot with no gap and match get_order_book's levels", () => {
  const { engine, feed, sink } = setup(`book.${BTC}.raw`, `trades.${BTC}.raw`);
  place(engine, 2, "sell", "50000", "100");
  const snapshot = feed.bookSnapshot(BTC, 1)!;
  expect(snapshot).toMatchObject({
    type: "snapshot",
    change_id: 1,
    asks: [["new", "50000", "100"]],
    bids: [],
  });
  expect(snapshot).not.toHaveProperty("prev_change_id");
  place(engine, 2, "sell", "50000", "50");
  place(engine, 3, "sell", "50500", "10");
  place(engine, 1, "buy", "50000", "150");
  place(engine, 1, "buy", "49000", "20");
  engine.apply({ type: "cancel_all", account: 1, reason: "cancel_on_disconnect", timestamp: 3 });
  feed.publishPending();
  const changes = sink.on(`book.${BTC}.raw`).map((s) => s.data as BookChange);
  let prev = snapshot.change_id;
  for (const c of changes) {
    expect(c.type).toBe("change");
    expect(c.prev_change_id).toBe(prev);
    prev = c.change_id;
  }
  expect(changes.map((c) => [c.bids, c.asks])).toEqual([
    [[], [["change", "50000", "150"]]],
    [[], [["new", "50500", "10"]]],
    [[], [["delete", "50000", "0"]]],
    [[["new", "49000", "20"]], []],
    [[["delete", "49000", "0"]], []],
  ]);
  const book = getOrderBook(engine, { instrument_name: BTC }, 5);
  expect(book.ok && book.result.change_id).toBe(prev);
  expect(book.ok && book.result.asks).toEqual([["50500", "10"]]);
  expect(sink.on(`trades.${BTC}.raw`).map((s) => s.data)).toEqual([
    [
      {
        trade_id: "1",
        trade_seq: 1,
        timestamp: 1000,
        instrument_name: BTC,
        price: "50000",
        amount: "100",
        direction: "buy",
      },
      {
        trade_id: "2",
        trade_seq: 2,
        timestamp: 1000,
        instrument_name: BTC,
        price: "50000",
        amount: "50",
        direction: "buy",
      },
    ],
  ]);
});

test("nobody listening: nothing is built, a few counts per command", () => {
  const { engine, feed, sink } = setup();
  place(engine, 2, "sell", "50000", "100");
  place(engine, 1, "buy", "50000", "100");
  expect(feed.pendingCount).toBe(0);
  // The 7 channels of the instrument (5 raw, 2 at 100ms), per command.
  expect(sink.counted).toBe(14);
});

test("with a sink version, who listens is asked once per version, not per command", () => {
  const engine = new Engine({ accounts, events: false });
  const feed = new ChannelFeed(engine);
  const sink = new (class extends RecordingSink {
    version = 1;
  })();
  sink.listening.add(`trades.${BTC}.raw`);
  sink.listening.add(`user.orders.${BTC}.raw`);
  feed.attach(sink);
  for (let i = 0; i < 5; i++) {
    place(engine, 2, "sell", "50000", "10");
    place(engine, 1, "buy", "50000", "10");
  }
  feed.publishPending();
  // The 7 channels of the instrument (5 raw, 2 at 100ms), then, for each account with an event
  // (1 and 2), the user.* channels someone listens to (user.orders only).
  expect(sink.counted).toBe(7 + 1 + 1);
  expect(sink.on(`trades.${BTC}.raw`)).toHaveLength(5);
  expect(sink.on(`book.${BTC}.raw`)).toHaveLength(0);
  // A subscribe moves the version: the next command sees the new listener.
  sink.listening.add(`user.trades.${BTC}.raw`);
  sink.version++;
  place(engine, 2, "sell", "50000", "10");
  place(engine, 1, "buy", "50000", "10");
  feed.publishPending();
  expect(sink.counted).toBe(7 + 1 + 1 + (7 + 2 + 2));
  expect(sink.on(`user.trades.${BTC}.raw`).length).toBeGreaterThan(0);
});

test("cancel on disconnect cancels the account's open orders, journaled, notifications after the flush", async () => {
  const journal = new MemoryJournal();
  const engine = new Engine({ accounts, events: false, journal });
  const feed = new ChannelFeed(engine);
  const sink = new RecordingSink();
  sink.listening.add(`user.orders.${BTC}.raw`);
  feed.attach(sink);
  place(engine, 1, "buy", "49000", "10");
  place(engine, 1, "sell", "51000", "10");
  place(engine, 2, "sell", "52000", "10");
  feed.publishPending();
  sink.sent.length = 0;
  await cancelOnDisconnect(engine, journal, feed, 1, 5000);
  expect(
    sink.sent.map((s) => [
      s.account,
      (s.data as { order_id: string }).order_id,
      (s.data as { cancel_reason: string }).cancel_reason,
    ]),
  ).toEqual([
    [1, "1", "cancel_on_disconnect"],
    [1, "2", "cancel_on_disconnect"],
  ]);
  const r = getOrderState(engine, 2, { order_id: "3" });
  expect(r.ok && r.result.order_state).toBe("open");
});

test("a book subscriber arriving while a change awaits the journal gets the book before it, then the change", () => {
  const { engine, feed, sink } = setup(`book.${BTC}.raw`);
  place(engine, 2, "sell", "50000", "100");
  const first = feed.bookSnapshot(BTC, 1)!;
  place(engine, 2, "sell", "50500", "10");
  place(engine, 1, "buy", "50000", "100");
  // Not yet published: a second subscriber's snapshot is the book the first one was told of.
  const second = feed.bookSnapshot(BTC, 2)!;
  expect(second).toEqual({ ...first, timestamp: 2 });
  feed.publishPending();
  const changes = sink.on(`book.${BTC}.raw`).map((s) => s.data as BookChange);
  expect(changes[0]!.prev_change_id).toBe(second.change_id);
  expect(changes.map((c) => c.asks)).toEqual([
    [["new", "50500", "10"]],
    [["delete", "50000", "0"]],
  ]);
  // Once published, a snapshot is the book as it is.
  const third = feed.bookSnapshot(BTC, 3)!;
  expect(third).toMatchObject({
    change_id: changes.at(-1)!.change_id,
    asks: [["new", "50500", "10"]],
  });
});

test("book.100ms: one change per window, of the levels that differ from what it last told, chained", () => {
  const { engine, feed, sink } = setup(`book.${BTC}.100ms`, `book.${BTC}.raw`);
  clock = 1000;
  place(engine, 2, "sell", "50000", "100");
  feed.publishPending();
  const snapshot = feed.bookSnapshot100ms(BTC, 1)!;
  expect(snapshot).toMatchObject({
    type: "snapshot",
    change_id: 1,
    asks: [["new", "50000", "100"]],
  });
  feed.bookSnapshot(BTC, 1);
  // In one window: an ask rests and is taken (back to nothing), a bid rests, the first ask shrinks.
  place(engine, 3, "sell", "49900", "10");
  feed.publishPending();
  clock += 40;
  place(engine, 1, "buy", "49900", "10");
  place(engine, 1, "buy", "49000", "20");
  place(engine, 1, "buy", "50000", "30");
  feed.publishPending();
  expect(sink.on(`book.${BTC}.100ms`)).toEqual([]);
  clock += INTERVAL_MS - 40 - 1;
  feed.publishIntervals();
  expect(sink.on(`book.${BTC}.100ms`)).toEqual([]);
  clock += 1;
  feed.publishIntervals();
  const raw = sink.on(`book.${BTC}.raw`).map((s) => s.data as BookChange);
  expect(raw).toHaveLength(4);
  const [change] = sink.on(`book.${BTC}.100ms`).map((s) => s.data as BookChange);
  expect(sink.on(`book.${BTC}.100ms`)).toHaveLength(1);
  expect(change).toMatchObject({
    type: "change",
    prev_change_id: snapshot.change_id,
    change_id: raw.at(-1)!.change_id,
    bids: [["new", "49000", "20"]],
    asks: [["change", "50000", "70"]],
  });
  // The next window chains from it; a new subscriber's snapshot is what the channel last told.
  clock += 10;
  expect(place(engine, 3, "sell", "51000", "10").ok).toBe(true);
  feed.publishPending();
  const joined = feed.bookSnapshot100ms(BTC, 2)!;
  expect(joined).toMatchObject({
    type: "snapshot",
    change_id: change!.change_id,
    bids: [["new", "49000", "20"]],
    asks: [["new", "50000", "70"]],
  });
  clock += INTERVAL_MS;
  feed.publishIntervals();
  const next = sink.on(`book.${BTC}.100ms`).map((s) => s.data as BookChange)[1]!;
  expect(next).toMatchObject({
    prev_change_id: change!.change_id,
    bids: [],
    asks: [["new", "51000", "10"]],
  });
  const book = getOrderBook(engine, { instrument_name: BTC }, 5);
  expect(book.ok && book.result.change_id).toBe(next.change_id);
});

test("trades.100ms: every trade of the window in one message, in execution order", () => {
  const { engine, feed, sink } = setup(`trades.${BTC}.100ms`);
  clock = 5000;
  place(engine, 2, "sell", "50000", "100");
  place(engine, 1, "buy", "50000", "30");
  feed.publishPending();
  clock += 50;
  place(engine, 3, "buy", "50000", "20");
  feed.publishPending();
  expect(sink.on(`trades.${BTC}.100ms`)).toEqual([]);
  clock += 50;
  feed.publishIntervals();
  const [trades] = sink.on(`trades.${BTC}.100ms`).map((s) => s.data as { amount: string }[]);
  expect(trades!.map((t) => [t.amount, (t as { trade_seq?: number }).trade_seq])).toEqual([
    ["30", 1],
    ["20", 2],
  ]);
  // An empty window sends nothing.
  clock += INTERVAL_MS;
  feed.publishIntervals();
  expect(sink.on(`trades.${BTC}.100ms`)).toHaveLength(1);
});

test("100ms: a window whose commands are still pending waits for their publishPending", () => {
  // Nobody listens to a raw channel: only the window knows of the command.
  const { engine, feed, sink } = setup(`trades.${BTC}.100ms`);
  clock = 9000;
  place(engine, 2, "sell", "50000", "100");
  place(engine, 1, "buy", "50000", "30");
  feed.publishPending();
  sink.sent.length = 0;
  place(engine, 3, "buy", "50000", "20");
  clock += INTERVAL_MS;
  // The second trade's command is not durable yet: nothing of the window leaves.
  feed.publishIntervals();
  expect(sink.sent).toEqual([]);
  feed.publishPending();
  expect(sink.sent.map((s) => s.channel)).toEqual([`trades.${BTC}.100ms`]);
  expect(sink.sent[0]!.data).toHaveLength(2);
});

test("100ms: the window's timer sends it without another command", async () => {
  const engine = new Engine({ accounts, events: false });
  const feed = new ChannelFeed(engine);
  const sink = new RecordingSink();
  sink.listening.add(`trades.${BTC}.100ms`);
  feed.attach(sink);
  place(engine, 2, "sell", "50000", "100");
  place(engine, 1, "buy", "50000", "30");
  feed.publishPending();
  expect(sink.on(`trades.${BTC}.100ms`)).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS + 50));
  expect(sink.on(`trades.${BTC}.100ms`)).toHaveLength(1);
});

test("a held command is built at settle, as it would have been at once; one applied while it is held settles it first, from the state right after it", () => {
  const book = `book.${BTC}.raw`;
  const direct = setup(book);
  const held = setup(book);
  for (const { feed } of [direct, held]) feed.bookSnapshot(BTC, 0);
  const steps: [number, "buy" | "sell", string, string][] = [
    [2, "sell", "50000", "100"],
    [1, "buy", "50000", "30"],
    [3, "buy", "49000", "20"],
  ];
  for (const [account, dir, price, amount] of steps) {
    place(direct.engine, account, dir, price, amount);
    const before = held.feed.pendingCount;
    held.feed.holdNext();
    place(held.engine, account, dir, price, amount);
    expect(held.feed.release()).toBe(true);
    expect(held.feed.pendingCount).toBe(before);
    held.feed.settle();
    expect(held.feed.pendingCount).toBe(before + 1);
  }
  // Released without a command, nothing is held: the next command is built at once.
  held.feed.holdNext();
  expect(held.feed.release()).toBe(false);
  place(direct.engine, 1, "sell", "51000", "10");
  const before = held.feed.pendingCount;
  place(held.engine, 1, "sell", "51000", "10");
  expect(held.feed.pendingCount).toBe(before + 1);
  // Held, then another command (both with the engine's reused outcome): the held one is built
  // first, from the state before the other one.
  for (const { engine, feed } of [direct, held]) {
    if (feed === held.feed) feed.holdNext();
    placeOrderJson(engine, 2, "sell", { instrument_name: BTC, price: "50000", amount: "10" }, 1000);
    feed.release();
    placeOrderJson(engine, 3, "sell", { instrument_name: BTC, price: "50000", amount: "20" }, 1000);
    feed.publishPending();
  }
  expect(held.sink.on(book)).toEqual(direct.sink.on(book));
  expect(held.sink.on(book).map((s) => (s.data as BookChange).asks)).toEqual([
    [["new", "50000", "100"]],
    [["change", "50000", "70"]],
    [],
    [["new", "51000", "10"]],
    [["change", "50000", "80"]],
    [["change", "50000", "100"]],
  ]);
});

test("a snapshot taken while a command is held is the book before it; its change reaches old and new subscribers", () => {
  const book = `book.${BTC}.raw`;
  const { engine, feed, sink } = setup(book);
  feed.bookSnapshot(BTC, 0);
  place(engine, 2, "sell", "50000", "100");
  feed.publishPending();
  feed.holdNext();
  place(engine, 1, "buy", "50000", "30");
  feed.release();
  const snapshot = feed.bookSnapshot(BTC, 1)!;
  feed.publishPending();
  const [first, held] = sink.on(book).map((s) => s.data as BookChange);
  expect(snapshot).toMatchObject({ change_id: first!.change_id, asks: [["new", "50000", "100"]] });
  expect(held).toMatchObject({
    prev_change_id: snapshot.change_id,
    asks: [["change", "50000", "70"]],
  });
});

test("the last book subscriber leaves while a change awaits the journal: the next one's snapshot chains with no gap", () => {
  const book = `book.${BTC}.raw`;
  const { engine, feed, sink } = setup(book);
  feed.bookSnapshot(BTC, 0);
  place(engine, 2, "sell", "50000", "100");
  // The last subscriber leaves; a command follows while the first is still unpublished.
  sink.listening.delete(book);
  place(engine, 2, "sell", "51000", "10");
  sink.listening.add(book);
  const snapshot = feed.bookSnapshot(BTC, 1)!;
  feed.publishPending();
  const changes = sink.on(book).map((s) => s.data as BookChange);
  expect(snapshot).toMatchObject({ change_id: 0, asks: [] });
  expect(changes.map((c) => [c.prev_change_id, c.change_id])).toEqual([
    [0, 1],
    [1, 2],
  ]);
  expect(changes[1]!.asks).toEqual([["new", "51000", "10"]]);
});
