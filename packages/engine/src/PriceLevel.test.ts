import { describe, expect, test } from "vitest";
import { engineWith, type Row } from "./bookTable.test.kit.js";
import { placeOrder } from "./wire/placeOrder.js";

const BTC = "BTC-PERPETUAL";

describe("PriceLevel (a queue of seqs with lazy deletion)", () => {
  test("cancels in the middle and fills at the head keep time priority through compactions", () => {
    // 600 bids of 10 at one price from two accounts, then most of them cancelled out of order.
    const rows = Array.from({ length: 600 }, (_, i): Row => [1 + (i % 2), "buy", "100", "10"]);
    const engine = engineWith(rows);
    const level = engine.book(BTC)!.bids.best()!;
    const seqs = () => level.seqs(engine.orders);
    expect(seqs()).toHaveLength(600);
    let t = 10_000;
    const cancel = (seq: number) => {
      const account = engine.orders.accountId(seq);
      const r = engine.apply({ type: "cancel", account, orderId: String(seq), timestamp: t++ });
      expect(r.code).toBe(0);
    };
    // Every seq not divisible by 7 goes: 515 closed entries against 85 open ones, so the queue
    // is compacted on the way (closed > 3 x open + 64).
    for (let seq = 600; seq >= 1; seq--) if (seq % 7 !== 0) cancel(seq);
    const open = Array.from({ length: 85 }, (_, i) => 7 * (i + 1));
    expect(seqs()).toEqual(open);
    expect(level.queue.length - level.start).toBeLessThan(600);
    expect([level.count, level.total]).toEqual([85, 85]);
    // A seller (account 3) takes the first 80 open orders in time order: the head moves past
    // them, and the queue's front is reclaimed once it is most of it.
    const sold = placeOrder(
      engine,
      3,
      "sell",
      { instrument_name: BTC, amount: "800", price: "100" },
      t++,
    );
    expect(sold.ok && sold.result.trades.length).toBe(80);
    if (sold.ok) {
      const makers = sold.result.trades.map((_, i) => engine.orders.bySeq(open[i]!)!.state);
      expect(new Set(makers)).toEqual(new Set(["filled"]));
    }
    expect(seqs()).toEqual(open.slice(80));
    expect(level.head(engine.orders)).toBe(open[80]);
    expect([level.count, level.total]).toEqual([5, 5]);
    // The last five go one by one: the level leaves the side with the last.
    for (const seq of open.slice(80)) cancel(seq);
    expect(engine.book(BTC)!.bids.best()).toBeUndefined();
  });
});
