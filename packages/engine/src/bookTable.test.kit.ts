import { Engine } from "./Engine.js";
import type { EdgeResult } from "./wire/EdgeResult.js";
import { getOrderBook } from "./wire/marketQueries.js";
import { placeOrder } from "./wire/placeOrder.js";
import { getPosition } from "./wire/positionQueries.js";

/** A resting order to seed a book with: [account, direction, price, amount, extra params]. */
export type Row = [number, "buy" | "sell", string, string, Record<string, unknown>?];

/** Accounts 1..4 with BTC and ETH balances. */
export const ACCOUNTS = [1, 2, 3, 4].map((id) => ({
  id,
  username: `user${id}`,
  balances: { BTC: "10", ETH: "100" },
}));

/** A fresh engine whose books hold `rows` (each placed with its own timestamp, in order). */
export function engineWith(rows: readonly Row[], instrument = "BTC-PERPETUAL"): Engine {
  const engine = new Engine({ accounts: ACCOUNTS });
  rows.forEach(([account, direction, price, amount, extra], i) => {
    const r = placeOrder(
      engine,
      account,
      direction,
      { instrument_name: instrument, price, amount, ...extra },
      1000 + i,
    );
    if (!r.ok) throw new Error(`seed row ${i} failed: ${r.code} ${JSON.stringify(r.data)}`);
  });
  return engine;
}

/** The book as `{bids, asks}` of `[price, amount]`, best first. */
export function bookOf(engine: Engine, instrument = "BTC-PERPETUAL") {
  const r = getOrderBook(engine, { instrument_name: instrument, depth: 100 }, engine.lastTimestamp);
  if (!r.ok) throw new Error("no book");
  return { bids: r.result.bids, asks: r.result.asks };
}

/** Signed position sizes of accounts 1..4 as wire strings. */
export function sizesOf(engine: Engine, instrument = "BTC-PERPETUAL"): Record<number, string> {
  const out: Record<number, string> = {};
  for (const { id } of ACCOUNTS) {
    const r = getPosition(engine, id, { instrument_name: instrument });
    if (r.ok) out[id] = r.result.size;
  }
  return out;
}

/** Unwraps a successful edge result or fails with the error. */
export function ok<T>(r: EdgeResult<T>): T {
  if (!r.ok)
    throw new Error(`expected success, got ${r.code} ${r.message} ${JSON.stringify(r.data)}`);
  return r.result;
}
