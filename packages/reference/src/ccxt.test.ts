import ccxt from "ccxt";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import { ALICE, BOB } from "./testing/rpc.test-helpers.js";

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ port: 0, log: () => {} });
});
afterAll(() => server.close());

/**
 * CCXT's deribit class pointed at the server. It signs private calls with deri-hmac-sha256 over GET
 * query strings, with its nonce and ts both `Date.now()`: its default rate limit (50 ms between
 * calls) keeps the nonces of one key distinct, as the server's single-use rule needs.
 */
function exchange(key: { id: string; secret: string }) {
  const x = new ccxt.deribit({ apiKey: key.id, secret: key.secret });
  x.urls["api"] = { rest: server.url };
  return x;
}

const SYMBOL = "BTC/USD:BTC";

test("ccxt deribit: markets, orders, positions, balance and close_position", async () => {
  const alice = exchange(ALICE);
  const bob = exchange(BOB);
  const markets = await alice.loadMarkets();
  expect(Object.keys(markets)).toEqual(
    expect.arrayContaining([SYMBOL, "ETH/USD:ETH", "BTC/USD:BTC-261225"]),
  );
  expect(markets[SYMBOL]).toMatchObject({ id: "BTC-PERPETUAL", swap: true, contractSize: 10 });
  await bob.loadMarkets();

  const placed = await alice.createOrder(SYMBOL, "limit", "sell", 10, 50000);
  const id = placed.id!;
  expect(id).toMatch(/^[0-9]+$/);
  const fetched = await alice.fetchOrder(id, SYMBOL);
  expect(fetched).toMatchObject({ id, status: "open", side: "sell", price: 50000 });
  const cancelled = await alice.cancelOrder(id, SYMBOL);
  expect(cancelled).toMatchObject({ id, status: "canceled" });

  await alice.createOrder(SYMBOL, "limit", "sell", 20, 50000);
  const taken = await bob.createOrder(SYMBOL, "limit", "buy", 20, 50000);
  expect(taken.status).toBe("closed");
  const positions = await bob.fetchPositions([SYMBOL]);
  const long = positions.find((p) => p.symbol === SYMBOL);
  expect(long).toMatchObject({ side: "long", entryPrice: 50000 });

  await alice.createOrder(SYMBOL, "limit", "buy", 20, 49500);
  const closed = (await bob.privateGetClosePosition({
    instrument_name: "BTC-PERPETUAL",
    type: "limit",
  })) as { result: { order: Record<string, unknown>; trades: unknown[] } };
  expect(closed.result.order).toMatchObject({
    direction: "sell",
    reduce_only: true,
    order_state: "filled",
    price: "49500",
  });
  expect(closed.result.trades).toHaveLength(1);
  const after = await bob.fetchPositions([SYMBOL]);
  expect(after.find((p) => p.symbol === SYMBOL)?.contracts ?? 0).toBe(0);

  const balance = await bob.fetchBalance();
  expect(balance["BTC"]).toMatchObject({ total: 10, free: 10 });
  const eth = await bob.fetchBalance({ code: "ETH" });
  expect(eth["ETH"]).toMatchObject({ total: 100 });
}, 30_000);
