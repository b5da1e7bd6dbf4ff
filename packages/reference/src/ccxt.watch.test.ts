import ccxt, { type Order } from "ccxt";
import { afterEach, beforeEach, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import { ALICE, BOB, post } from "./testing/rpc.test-helpers.js";

/*
 * CCXT's WebSocket class (`ccxt.pro.deribit`, the same npm package as the REST class) against the
 * reference: real server on 127.0.0.1, real ccxt objects. What works and what does not is
 * recorded in the README's "CCXT" section; each claim there is one of these tests.
 */

const SYMBOL = "BTC/USD:BTC";
const INSTRUMENT = "BTC-PERPETUAL";
/** ccxt's book and trades default is `100ms` (the reference serves both intervals). */
const RAW = { interval: "raw" };

type Pro = InstanceType<typeof ccxt.pro.deribit>;

let server: ReferenceServer;
let opened: Pro[] = [];
beforeEach(async () => {
  server = await startReferenceServer({ port: 0, log: () => {} });
});
afterEach(async () => {
  // Every ccxt WebSocket closed, or vitest would not exit.
  await Promise.all(opened.map((x) => x.close()));
  opened = [];
  await server.close();
});

/** A `ccxt.pro.deribit` for `key`, REST and WebSocket pointed at the server, markets loaded. */
async function pro(key: { id: string; secret: string }): Promise<Pro> {
  const x = new ccxt.pro.deribit({ apiKey: key.id, secret: key.secret });
  x.urls["api"] = { rest: server.url, ws: server.wsUrl };
  // ccxt refuses a plain ws:// URL until its HTTP agent is loaded.
  await x.loadHttpProxyAgent();
  await x.loadMarkets();
  opened.push(x);
  return x;
}

/**
 * Authenticates `x`'s WebSocket (ccxt's `public/auth` with `client_signature`), then waits for the
 * next millisecond: ccxt uses `Date.now()` as the nonce of both the WebSocket login and each signed
 * REST call, and the server accepts a (key, nonce) pair once.
 */
async function login(x: Pro): Promise<void> {
  await x.authenticate();
  const t = Date.now();
  while (Date.now() <= t) await new Promise((r) => setImmediate(r));
}

/**
 * Starts `watch` (whose subscribe request ccxt sends) and returns once the server has processed
 * it: a `book` subscription sent after it on the same connection is answered, with its
 * snapshot, after it.
 */
async function subscribed(x: Pro, watch: () => Promise<unknown>): Promise<void> {
  watch().catch(() => {});
  await x.watchOrderBook(SYMBOL, undefined, { ...RAW });
}

/**
 * Awaits `first`, then calls `next` until what came satisfies `done` (ccxt's book is one live
 * object, so a change that came before a call is seen, not waited for).
 */
async function until<T>(
  first: Promise<T>,
  next: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  let value = await first;
  while (!done(value)) value = await next();
  return value;
}

/** The levels of `public/get_order_book` as `[price, amount]` numbers, best first. */
async function restLevels(): Promise<{ bids: number[][]; asks: number[][] }> {
  const { result } = await post(server.url, "public/get_order_book", {
    instrument_name: INSTRUMENT,
  });
  const levels = (side: unknown[][]) => side.map(([p, a]) => [Number(p), Number(a)]);
  return { bids: levels(result.bids), asks: levels(result.asks) };
}

/** A ccxt book side (`[price, amount, count]` rows) as `[price, amount]` numbers. */
function levels(side: unknown[][]): number[][] {
  return side.map(([p, a]) => [Number(p), Number(a)]);
}

test("watchOrderBook {interval: raw}: the snapshot equals public/get_order_book, then new levels, bid changes and deletes", async () => {
  const alice = await pro(ALICE);
  const bob = await pro(BOB);
  await login(bob);
  await alice.createOrder(SYMBOL, "limit", "sell", 10, 50000);
  await alice.createOrder(SYMBOL, "limit", "sell", 20, 50500);
  const bid = await bob.createOrder(SYMBOL, "limit", "buy", 30, 49000);

  const watch = () => {
    const next = bob.watchOrderBook(SYMBOL, undefined, { ...RAW });
    // A watch still pending when a failed test closes the socket rejects: not a second failure.
    next.catch(() => {});
    return next;
  };
  const first = await watch();
  expect({ bids: levels(first.bids), asks: levels(first.asks) }).toEqual(await restLevels());
  expect(levels(first.asks)).toEqual([
    [50000, 10],
    [50500, 20],
  ]);
  expect(first.symbol).toBe(SYMBOL);

  // A new ask level and a new bid level.
  let next = watch();
  await alice.createOrder(SYMBOL, "limit", "sell", 10, 51000);
  let book = await until(next, watch, (b) => b.asks.length === 3);
  next = watch();
  await bob.createOrder(SYMBOL, "limit", "buy", 10, 48000);
  book = await until(next, watch, (b) => b.bids.length === 2);
  expect({ bids: levels(book.bids), asks: levels(book.asks) }).toEqual(await restLevels());

  // A bid level that changes twice, then goes away.
  next = watch();
  const more = await bob.createOrder(SYMBOL, "limit", "buy", 10, 49000);
  book = await until(next, watch, (b) => Number(b.bids[0]![1]) === 40);
  expect(levels(book.bids)).toEqual([
    [49000, 40],
    [48000, 10],
  ]);
  next = watch();
  await bob.cancelOrder(bid.id!, SYMBOL);
  book = await until(next, watch, (b) => Number(b.bids[0]![1]) === 10);
  next = watch();
  await bob.cancelOrder(more.id!, SYMBOL);
  book = await until(next, watch, (b) => b.bids.length === 1);
  expect(levels(book.bids)).toEqual([[48000, 10]]);
  expect({ bids: levels(book.bids), asks: levels(book.asks) }).toEqual(await restLevels());
}, 20_000);

test("ccxt's defaults: watchOrderBook (book.{instrument}.100ms) follows the bids, watchTrades (trades.{instrument}.100ms) gets each trade", async () => {
  const alice = await pro(ALICE);
  const bob = await pro(BOB);
  await login(bob);
  await alice.createOrder(SYMBOL, "limit", "sell", 10, 50000);
  await bob.createOrder(SYMBOL, "limit", "buy", 30, 49000);
  const watch = () => {
    const next = bob.watchOrderBook(SYMBOL);
    next.catch(() => {});
    return next;
  };
  const first = await watch();
  expect({ bids: levels(first.bids), asks: levels(first.asks) }).toEqual(await restLevels());
  // Two new bid levels within one window or two.
  const next = watch();
  await bob.createOrder(SYMBOL, "limit", "buy", 10, 48000);
  await bob.createOrder(SYMBOL, "limit", "buy", 10, 47000);
  const book = await until(next, watch, (b) => b.bids.length === 3);
  expect({ bids: levels(book.bids), asks: levels(book.asks) }).toEqual(await restLevels());

  const trades = bob.watchTrades(SYMBOL);
  trades.catch(() => {});
  await subscribed(bob, () => trades);
  await bob.createOrder(SYMBOL, "limit", "buy", 10, 50000);
  const [trade] = await trades;
  expect(trade).toMatchObject({ symbol: SYMBOL, price: 50000, amount: 10, side: "buy" });
}, 20_000);

test("watchOrderBook, known gap: an ask level that changes or goes away is not updated (decimal strings)", async () => {
  // The reference sends prices as decimal strings ("50000"), Deribit as JSON numbers. ccxt's
  // order book side compares its Float64Array index with the raw price using ===: bids are
  // stored under -price (a number) and work; asks under the string, which never equals.
  const alice = await pro(ALICE);
  const bob = await pro(BOB);
  await login(bob);
  await alice.createOrder(SYMBOL, "limit", "sell", 10, 50000);
  const first = await bob.watchOrderBook(SYMBOL, undefined, { ...RAW });
  expect(levels(first.asks)).toEqual([[50000, 10]]);

  const next = bob.watchOrderBook(SYMBOL, undefined, { ...RAW });
  await alice.createOrder(SYMBOL, "limit", "sell", 10, 50000);
  const book = await next;
  expect((await restLevels()).asks).toEqual([[50000, 20]]);
  // The change (50000 -> 20) was stored as a second row instead of replacing the first.
  expect(levels(book.asks)).toEqual([
    [50000, 20],
    [50000, 10],
  ]);

  // The level's delete (bob takes all 20) is lost.
  const gone = bob.watchOrderBook(SYMBOL, undefined, { ...RAW });
  await bob.createOrder(SYMBOL, "limit", "buy", 20, 50000);
  const after = await gone;
  expect((await restLevels()).asks).toEqual([]);
  expect(levels(after.asks)).toEqual([
    [50000, 20],
    [50000, 10],
  ]);
}, 20_000);

test("watchOrders: place, cancel, fill and close_position come out as ccxt orders with id, status and filled", async () => {
  const alice = await pro(ALICE);
  const bob = await pro(BOB);
  await login(bob);
  // ccxt subscribes user.orders.any.any.raw (Deribit's kind/currency form).
  await subscribed(bob, () => bob.watchOrders(SYMBOL));
  // ccxt keeps every order it parsed in `bob.orders`, the latest state of each id.
  const state = (id: string) => ((bob.orders ?? []) as unknown as Order[]).find((o) => o.id === id);
  const seen = async (id: string, status: string) => {
    let o = state(id);
    while (o?.status !== status) {
      await bob.watchOrders(SYMBOL);
      o = state(id);
    }
    return o;
  };

  const placed = await bob.createOrder(SYMBOL, "limit", "buy", 10, 49000);
  expect(await seen(placed.id!, "open")).toMatchObject({
    id: placed.id,
    symbol: SYMBOL,
    type: "limit",
    side: "buy",
    price: 49000,
    amount: 10,
    filled: 0,
    remaining: 10,
  });
  await bob.cancelOrder(placed.id!, SYMBOL);
  expect(await seen(placed.id!, "canceled")).toMatchObject({ id: placed.id, filled: 0 });

  await alice.createOrder(SYMBOL, "limit", "sell", 20, 50000);
  const taken = await bob.createOrder(SYMBOL, "limit", "buy", 20, 50000);
  expect(await seen(taken.id!, "closed")).toMatchObject({
    id: taken.id,
    side: "buy",
    filled: 20,
    remaining: 0,
    average: 50000,
  });

  await alice.createOrder(SYMBOL, "limit", "buy", 20, 49500);
  const closed = (await bob.privateGetClosePosition({
    instrument_name: INSTRUMENT,
    type: "limit",
  })) as { result: { order: { order_id: string } } };
  const id = closed.result.order.order_id;
  expect(await seen(id, "closed")).toMatchObject({
    id,
    side: "sell",
    filled: 20,
    remaining: 0,
    average: 49500,
    // ccxt's deribit parseOrder leaves `reduceOnly` unset; the wire order says it.
    info: expect.objectContaining({ reduce_only: true, order_state: "filled" }),
  });
}, 20_000);

test("watchMyTrades: each side's trade with price, amount, side and order", async () => {
  const alice = await pro(ALICE);
  const bob = await pro(BOB);
  await login(alice);
  await login(bob);
  // ccxt subscribes user.trades.any.any.raw.
  await subscribed(alice, () => alice.watchMyTrades(SYMBOL));
  await subscribed(bob, () => bob.watchMyTrades(SYMBOL));
  const made = alice.watchMyTrades(SYMBOL);
  const took = bob.watchMyTrades(SYMBOL);

  const ask = await alice.createOrder(SYMBOL, "limit", "sell", 30, 50000);
  const buy = await bob.createOrder(SYMBOL, "limit", "buy", 30, 50000);
  const [maker, taker] = [[...(await made)], [...(await took)]];
  expect(taker).toHaveLength(1);
  expect(taker[0]).toMatchObject({
    symbol: SYMBOL,
    order: buy.id,
    side: "buy",
    takerOrMaker: "taker",
    price: 50000,
    amount: 30,
  });
  expect(maker).toHaveLength(1);
  expect(maker[0]).toMatchObject({
    id: taker[0]!.id,
    order: ask.id,
    side: "sell",
    takerOrMaker: "maker",
    price: 50000,
    amount: 30,
  });
}, 20_000);

test("watchOrders with params {kind, currency}: another currency's channel gets nothing, a bad one is refused", async () => {
  const bob = await pro(BOB);
  await login(bob);
  await expect(bob.watchOrders(SYMBOL, undefined, undefined, { currency: "XRP" })).rejects.toThrow(
    /-32602.*unknown currency 'XRP' in 'user\.orders\.any\.XRP\.raw'/,
  );
  // future.ETH: its first notification is the ETH order, though a BTC order came first.
  const hasEth = () =>
    ((bob.orders ?? []) as unknown as Order[]).some((o) => o.symbol === "ETH/USD:ETH");
  const eth = bob
    .watchOrders(undefined, undefined, undefined, { kind: "future", currency: "ETH" })
    .then(hasEth);
  await subscribed(bob, () =>
    bob.watchOrders(SYMBOL, undefined, undefined, { kind: "future", currency: "BTC" }),
  );
  const btc = bob.watchOrders(SYMBOL, undefined, undefined, { kind: "future", currency: "BTC" });
  const placed = await bob.createOrder(SYMBOL, "limit", "buy", 10, 49000);
  expect((await btc).map((o) => o.id)).toContain(placed.id);
  await bob.createOrder("ETH/USD:ETH", "limit", "buy", 1, 2000);
  expect(await eth).toBe(true);
}, 20_000);
