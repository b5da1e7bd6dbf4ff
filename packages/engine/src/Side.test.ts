import { describe, expect, test } from "vitest";
import { engineWith } from "./bookTable.test.kit.js";

describe("Side", () => {
  test("levels stay sorted worst to best, whatever the insertion order", () => {
    const engine = engineWith([
      [1, "buy", "100", "10"],
      [1, "buy", "102", "10"],
      [1, "buy", "101", "10"],
      [1, "buy", "99", "10"],
      [2, "sell", "110", "10"],
      [2, "sell", "108", "10"],
      [2, "sell", "109", "10"],
      [2, "sell", "111", "10"],
    ]);
    const book = engine.book("BTC-PERPETUAL")!;
    expect(book.bids.levels.map((l) => l.price)).toEqual([198, 200, 202, 204]);
    expect(book.asks.levels.map((l) => l.price)).toEqual([222, 220, 218, 216]);
    expect(book.bids.best()?.price).toBe(204);
    expect(book.asks.best()?.price).toBe(216);
  });

  test("cancelling an order in the middle of a level keeps the others in time order; an empty level goes", () => {
    const engine = engineWith([
      [1, "buy", "100", "10"],
      [2, "buy", "100", "20"],
      [3, "buy", "100", "30"],
      [1, "buy", "99", "10"],
    ]);
    const book = engine.book("BTC-PERPETUAL")!;
    const level = book.bids.best()!;
    expect([level.count, level.total]).toEqual([3, 6]);
    expect(engine.apply({ type: "cancel", account: 2, orderId: "2", timestamp: 5 }).code).toBe(0);
    expect(level.seqs(engine.orders).map((seq) => engine.orderIds.format(seq))).toEqual(["1", "3"]);
    expect(level.head(engine.orders)).toBe(1);
    expect([level.count, level.total]).toEqual([2, 4]);
    engine.apply({ type: "cancel", account: 1, orderId: "1", timestamp: 6 });
    engine.apply({ type: "cancel", account: 3, orderId: "3", timestamp: 7 });
    expect(book.bids.levels.map((l) => l.price)).toEqual([198]);
    engine.apply({ type: "cancel", account: 1, orderId: "4", timestamp: 8 });
    expect(book.bids.best()).toBeUndefined();
    expect(book.bids.orderCount()).toBe(0);
  });
});
