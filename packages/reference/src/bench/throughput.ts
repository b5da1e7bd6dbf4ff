import { WsClient } from "../testing/rpc.test-helpers.js";
import type { BenchKey } from "./benchAccounts.js";

/** Requests answered per second over WebSocket, and how many of them were errors. */
export interface ThroughputResult {
  opsPerSecond: number;
  answered: number;
  errors: number;
}

const ORDER_ID =
  /"order_id":"([0-9]+)","instrument_name":"[^"]*","direction":"[a-z]+","order_type":"[a-z]+","order_state":"open"/;

/**
 * Order traffic from one authenticated connection per key, `window` requests in flight on each,
 * for `durationMs` after a warm-up: about 60% resting limit orders, 25% cancels of the
 * connection's own open orders, 10% crossing immediate-or-cancel orders, 5% close_position. The
 * client does as little as it can (requests from a few templates, answers scanned, not parsed), so
 * that the server, not the client, is what is measured.
 */
export async function measureThroughput(
  wsUrl: string,
  keys: readonly BenchKey[],
  options: { window: number; warmupMs: number; durationMs: number },
): Promise<ThroughputResult> {
  const clients = await Promise.all(keys.map(() => WsClient.open(wsUrl)));
  await Promise.all(
    clients.map((c, k) =>
      c.call("public/auth", {
        grant_type: "client_credentials",
        client_id: keys[k]!.id,
        client_secret: keys[k]!.secret,
      }),
    ),
  );
  let counting = false;
  let stopped = false;
  let answered = 0;
  let errors = 0;
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const order = (side: string, amount: number, ticks: number, tif: string) =>
    `{"jsonrpc":"2.0","id":0,"method":"private/${side}","params":{"instrument_name":"BTC-PERPETUAL","amount":"${amount}","price":"${ticks / 2}","time_in_force":"${tif}"}}`;
  const done = clients.map(
    (client) =>
      new Promise<void>((resolve) => {
        const socket = client.socket;
        const open: string[] = [];
        let inFlight = 0;
        socket.on("message", (data: Buffer) => {
          inFlight--;
          const text = data.toString();
          if (counting) {
            answered++;
            if (text.includes('"error":')) errors++;
          }
          const m = ORDER_ID.exec(text);
          if (m !== null && !text.includes('"reduce_only":true')) open.push(m[1]!);
          if (stopped && inFlight === 0) resolve();
          else send();
        });
        const send = (): void => {
          while (!stopped && inFlight < options.window) {
            inFlight++;
            const r = rand();
            const buy = rand() < 0.5;
            if (r < 0.25 && open.length > 0) {
              const i = Math.floor(rand() * open.length);
              const id = open[i]!;
              open[i] = open[open.length - 1]!;
              open.pop();
              socket.send(
                `{"jsonrpc":"2.0","id":0,"method":"private/cancel","params":{"order_id":"${id}"}}`,
              );
            } else if (r < 0.3) {
              socket.send(
                '{"jsonrpc":"2.0","id":0,"method":"private/close_position","params":{"instrument_name":"BTC-PERPETUAL","type":"limit"}}',
              );
            } else if (r >= 0.9) {
              const amount = 10 * (1 + Math.floor(rand() * 5));
              const ticks = buy ? 100_060 : 99_940;
              socket.send(order(buy ? "buy" : "sell", amount, ticks, "immediate_or_cancel"));
            } else {
              const amount = 10 * (1 + Math.floor(rand() * 5));
              const offset = 1 + Math.floor(rand() * 40);
              const ticks = buy ? 100_000 - offset : 100_000 + offset;
              socket.send(order(buy ? "buy" : "sell", amount, ticks, "good_til_cancelled"));
            }
          }
        };
        send();
      }),
  );
  await new Promise((r) => setTimeout(r, options.warmupMs));
  counting = true;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, options.durationMs));
  counting = false;
  const seconds = (performance.now() - started) / 1000;
  const counted = answered;
  stopped = true;
  await Promise.all(done);
  for (const c of clients) c.socket.terminate();
  return { opsPerSecond: counted / seconds, answered: counted, errors };
}
