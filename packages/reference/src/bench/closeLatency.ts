import { WsClient } from "../testing/rpc.test-helpers.js";
import type { BenchKey } from "./benchAccounts.js";

/** Percentiles of the envelope's `usDiff` (server time, microseconds) per method. */
export interface UsDiffStats {
  method: string;
  count: number;
  p50: number;
  p99: number;
  max: number;
}

function stats(method: string, values: number[]): UsDiffStats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { method, count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}

/**
 * Cycles of four calls over two authenticated WebSockets, one call at a time: the maker rests an
 * ask, the taker buys it (a long position), the maker rests a bid, and the taker's
 * close_position sells into that bid (one trade, the book empty again). Returns `usDiff` stats of
 * close_position and of the orders around it, after `warmup` cycles.
 */
export async function measureCloseUsDiff(
  wsUrl: string,
  maker: BenchKey,
  taker: BenchKey,
  options: { warmup: number; cycles: number },
): Promise<UsDiffStats[]> {
  const [m, t] = await Promise.all([WsClient.open(wsUrl), WsClient.open(wsUrl)]);
  for (const [client, key] of [
    [m!, maker],
    [t!, taker],
  ] as const) {
    await client.call("public/auth", {
      grant_type: "client_credentials",
      client_id: key.id,
      client_secret: key.secret,
    });
  }
  const close: number[] = [];
  const orders: number[] = [];
  const order = { instrument_name: "BTC-PERPETUAL", amount: "10", price: "50000" };
  for (let i = 0; i < options.warmup + options.cycles; i++) {
    const steps = [
      await m!.call("private/sell", order),
      await t!.call("private/buy", order),
      await m!.call("private/buy", order),
    ];
    const closed = await t!.call("private/close_position", {
      instrument_name: "BTC-PERPETUAL",
      type: "limit",
    });
    if (closed.error !== undefined || closed.result.trades.length !== 1) {
      throw new Error(`close_position did not trade: ${JSON.stringify(closed)}`);
    }
    if (i < options.warmup) continue;
    close.push(closed.usDiff);
    for (const s of steps) orders.push(s.usDiff);
  }
  m!.socket.terminate();
  t!.socket.terminate();
  return [stats("private/close_position", close), stats("private/buy|sell", orders)];
}
