import { expect } from "vitest";
import type { Peer } from "./Peer.test-helpers.js";

/** A book as `public/get_order_book` answers it (the fields these tests compare). */
export interface OrderBookAnswer {
  bids: string[][];
  asks: string[][];
  change_id: number;
}

/**
 * Applies a `book.*` snapshot and its changes: the book as [price, amount] lists, best first,
 * the last `change_id`, and what is wrong with the chain (a first message that is no snapshot or
 * carries a `prev_change_id`, a later one that is no change, a `prev_change_id` that is not the
 * previous `change_id`).
 */
export function replayBook(messages: any[]) {
  const bids = new Map<string, string>();
  const asks = new Map<string, string>();
  let last: number | undefined;
  const problems: string[] = [];
  for (const [i, m] of messages.entries()) {
    if (i === 0 && m.type !== "snapshot") problems.push(`first message is a ${m.type}`);
    if (i === 0 && m.prev_change_id !== undefined)
      problems.push(`the snapshot has prev_change_id ${m.prev_change_id}`);
    if (i > 0 && m.type !== "change") problems.push(`message ${i} is a ${m.type}`);
    if (i > 0 && m.prev_change_id !== last)
      problems.push(`message ${i}: prev_change_id ${m.prev_change_id} after change_id ${last}`);
    last = m.change_id;
    for (const [side, levels] of [
      [bids, m.bids],
      [asks, m.asks],
    ] as const)
      for (const [action, price, amount] of levels as string[][])
        if (action === "delete") side.delete(price!);
        else side.set(price!, amount!);
  }
  const sorted = (m: Map<string, string>, dir: number) =>
    [...m].sort((a, b) => (Number(a[0]) - Number(b[0])) * dir);
  return { bids: sorted(bids, -1), asks: sorted(asks, 1), changeId: last, problems };
}

/** `public/get_order_book` of an instrument, whole, on `p`'s connection. */
export async function orderBook(p: Peer, instrument: string): Promise<OrderBookAnswer> {
  const ob = await p.call("public/get_order_book", { instrument_name: instrument, depth: 10000 });
  expect(ob.error).toBeUndefined();
  return ob.result as OrderBookAnswer;
}
