import { WsClient } from "../testing/rpc.test-helpers.js";
import { type UsDiffStats, usDiffStats } from "./closeLatency.js";

/**
 * `usDiff` of one method called one at a time on one WebSocket, after `warmup` calls: with
 * `public/test` (no work at all) it is the floor of a call in that mode on this machine, what the
 * transport, the dispatcher and waking an idle server cost before any handler runs.
 */
export async function measureMethodUsDiff(
  wsUrl: string,
  method: string,
  params: Record<string, unknown>,
  options: { warmup: number; calls: number },
): Promise<UsDiffStats> {
  const client = await WsClient.open(wsUrl);
  const values: number[] = [];
  for (let i = 0; i < options.warmup + options.calls; i++) {
    const answer = await client.call(method, params);
    if (answer.error !== undefined) throw new Error(`${method} failed: ${JSON.stringify(answer)}`);
    if (i >= options.warmup) values.push(answer.usDiff as number);
  }
  client.socket.terminate();
  return usDiffStats(method, values);
}
