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

/** p50, p99 and max of `usDiff` values (microseconds). */
export function usDiffStats(method: string, values: number[]): UsDiffStats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { method, count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1)! };
}

/**
 * Cycles of four calls on one WebSocket authenticated as the taker (the maker's calls carry its
 * `access_token`): the maker rests an ask, the taker buys it (a long position), the maker rests a
 * bid, and the taker's close_position sells into that bid (one trade, the book empty again).
 * One connection keeps the calls in order, so `burst` cycles can be sent at once: 1 measures
 * one call at a time (every request finds the server idle), more keeps the server busy.
 * Returns `usDiff` stats of close_position and of the orders around it, after `warmup` cycles.
 */
export async function measureCloseUsDiff(
  wsUrl: string,
  maker: BenchKey,
  taker: BenchKey,
  options: { warmup: number; cycles: number; burst: number },
): Promise<UsDiffStats[]> {
  const client = await WsClient.open(wsUrl);
  const auth = (key: BenchKey) =>
    client.call("public/auth", {
      grant_type: "client_credentials",
      client_id: key.id,
      client_secret: key.secret,
    });
  const makerToken = (await auth(maker)).result.access_token as string;
  await auth(taker);
  const order = { instrument_name: "BTC-PERPETUAL", amount: "10", price: "50000" };
  const asMaker = { ...order, access_token: makerToken };
  const close: number[] = [];
  const orders: number[] = [];
  for (let done = 0; done < options.warmup + options.cycles; done += options.burst) {
    const cycles = [];
    for (let k = 0; k < options.burst; k++) {
      cycles.push([
        client.call("private/sell", asMaker),
        client.call("private/buy", order),
        client.call("private/buy", asMaker),
        client.call("private/close_position", { instrument_name: "BTC-PERPETUAL", type: "limit" }),
      ]);
    }
    for (const cycle of cycles) {
      const [sell, buy, bid, closed] = await Promise.all(cycle);
      if (closed!.error !== undefined || closed!.result.trades.length !== 1) {
        throw new Error(`close_position did not trade: ${JSON.stringify(closed)}`);
      }
      if (done < options.warmup) continue;
      close.push(closed!.usDiff);
      orders.push(sell!.usDiff, buy!.usDiff, bid!.usDiff);
    }
  }
  client.socket.terminate();
  return [usDiffStats("private/close_position", close), usDiffStats("private/buy|sell", orders)];
}
