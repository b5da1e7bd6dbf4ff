import { describe, expect, test } from "vitest";
import { bookOf, engineWith, ok, type Row, sizesOf } from "./bookTable.test.kit.js";
import type { Engine } from "./Engine.js";
import { closePosition } from "./wire/closePosition.js";
import { getOpenOrdersByInstrument, getOrderState } from "./wire/orderQueries.js";
import { placeOrder } from "./wire/placeOrder.js";
import { getPosition } from "./wire/positionQueries.js";

const BTC = "BTC-PERPETUAL";

/** Account 1 long 100 at 50000 (bought from 2), plus a book: bids 49990 x 40 (3), asks 50010 x 30 (4). */
const LONG: Row[] = [
  [2, "sell", "50000", "100"],
  [1, "buy", "50000", "100"],
  [3, "buy", "49990", "40"],
  [4, "sell", "50010", "30"],
];
/** Account 1 short 100 at 50000 (sold to 2), same book. */
const SHORT: Row[] = [
  [2, "buy", "50000", "100"],
  [1, "sell", "50000", "100"],
  [3, "buy", "49990", "40"],
  [4, "sell", "50010", "30"],
];

interface Case {
  name: string;
  given: Row[];
  params: Record<string, unknown>;
  want:
    | { code: number; reason?: string }
    | {
        order: Record<string, unknown>;
        trades: [string, string][];
        sizes: Record<number, string>;
        bids?: [string, string][];
        asks?: [string, string][];
      };
}

const cases: Case[] = [
  {
    name: "long closed without price: sells at the best bid, the remainder rests there",
    given: LONG,
    params: { type: "limit" },
    want: {
      order: {
        direction: "sell",
        price: "49990",
        amount: "100",
        filled_amount: "40",
        order_state: "open",
      },
      trades: [["49990", "40"]],
      sizes: { 1: "60", 2: "-100", 3: "40", 4: "0" },
      asks: [
        ["49990", "60"],
        ["50010", "30"],
      ],
      bids: [],
    },
  },
  {
    name: "long closed with a price that crosses the bids: full fill",
    given: [...LONG, [3, "buy", "49980", "100"]],
    params: { type: "limit", price: "49980" },
    want: {
      order: {
        direction: "sell",
        order_state: "filled",
        filled_amount: "100",
        average_price: "49984",
      },
      trades: [
        ["49990", "40"],
        ["49980", "60"],
      ],
      sizes: { 1: "0", 2: "-100", 3: "100", 4: "0" },
      bids: [["49980", "40"]],
    },
  },
  {
    name: "long closed with a passive price: the whole order rests",
    given: LONG,
    params: { type: "limit", price: "50100" },
    want: {
      order: { direction: "sell", price: "50100", order_state: "open", filled_amount: "0" },
      trades: [],
      sizes: { 1: "100", 2: "-100", 3: "0", 4: "0" },
      asks: [
        ["50010", "30"],
        ["50100", "100"],
      ],
    },
  },
  {
    name: "short closed without price: buys at the best ask",
    given: SHORT,
    params: { type: "limit" },
    want: {
      order: {
        direction: "buy",
        price: "50010",
        amount: "100",
        filled_amount: "30",
        order_state: "open",
      },
      trades: [["50010", "30"]],
      sizes: { 1: "-70", 2: "100", 3: "0", 4: "-30" },
      bids: [
        ["50010", "70"],
        ["49990", "40"],
      ],
    },
  },
  {
    name: "short closed with a price",
    given: [...SHORT, [4, "sell", "50020", "100"]],
    params: { type: "limit", price: 50020 },
    want: {
      order: { direction: "buy", order_state: "filled", reduce_only: true, post_only: false },
      trades: [
        ["50010", "30"],
        ["50020", "70"],
      ],
      sizes: { 1: "0", 2: "100", 3: "0", 4: "-100" },
    },
  },
  {
    name: "no position",
    given: [[3, "buy", "49990", "40"]],
    params: { type: "limit" },
    want: { code: 11030, reason: "no_open_position" },
  },
  {
    name: "no liquidity on the opposite side",
    given: [
      [2, "sell", "50000", "100"],
      [1, "buy", "50000", "100"],
    ],
    params: { type: "limit" },
    want: { code: 11030, reason: "no_liquidity" },
  },
  {
    name: "unknown instrument",
    given: LONG,
    params: { type: "limit", instrument_name: "BTC-1JAN99" },
    want: { code: 10020 },
  },
  { name: "price 0", given: LONG, params: { type: "limit", price: "0" }, want: { code: 10023 } },
  {
    name: "negative price",
    given: LONG,
    params: { type: "limit", price: "-5" },
    want: { code: 10023 },
  },
  {
    name: "price off the tick",
    given: LONG,
    params: { type: "limit", price: "50000.25" },
    want: { code: 10043 },
  },
  {
    name: "price is checked before the position",
    given: [],
    params: { type: "limit", price: "0" },
    want: { code: 10023 },
  },
  {
    name: "price beyond the safe range of ticks",
    given: LONG,
    params: { type: "limit", price: `1${"0".repeat(20)}` },
    want: { code: 10023 },
  },
  {
    name: "malformed price",
    given: LONG,
    params: { type: "limit", price: "1e5" },
    want: { code: -32602 },
  },
];

function close(engine: Engine, params: Record<string, unknown>, account = 1, ts = 5000) {
  return closePosition(engine, account, { instrument_name: BTC, type: "limit", ...params }, ts);
}

describe("close_position (tables)", () => {
  for (const c of cases) {
    test(c.name, () => {
      const engine = engineWith(c.given);
      const state = () => ({ ...engine.snapshot(), lastTimestamp: 0 });
      const before = state();
      const r = close(engine, c.params);
      const w = c.want;
      if ("code" in w) {
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.code).toBe(w.code);
        if (w.reason !== undefined) expect(r.data).toEqual({ reason: w.reason });
        expect(state()).toEqual(before);
        return;
      }
      const res = ok(r);
      expect(res.order).toMatchObject({
        order_type: "limit",
        reduce_only: true,
        post_only: false,
        time_in_force: "good_til_cancelled",
        label: "",
        ...w.order,
      });
      expect(res.trades.map((t) => [t.price, t.amount])).toEqual(w.trades);
      expect(sizesOf(engine)).toEqual(w.sizes);
      const book = bookOf(engine);
      if (w.bids) expect(book.bids).toEqual(w.bids);
      if (w.asks) expect(book.asks).toEqual(w.asks);
    });
  }
});

describe("close_position over time", () => {
  test("a partial fill rests, then a later buyer fills the remainder and the position is flat", () => {
    const engine = engineWith(LONG);
    const first = ok(close(engine, {}));
    expect(first.order.order_state).toBe("open");
    const later = ok(
      placeOrder(engine, 3, "buy", { instrument_name: BTC, amount: "60", price: "49990" }, 6000),
    );
    expect(later.trades.map((t) => [t.price, t.amount, t.order_id])).toEqual([
      ["49990", "60", later.order.order_id],
    ]);
    const order = ok(getOrderState(engine, 1, { order_id: first.order.order_id }));
    expect(order).toMatchObject({
      order_state: "filled",
      filled_amount: "100",
      average_price: "49990",
      last_update_timestamp: 6000,
    });
    expect(ok(getPosition(engine, 1, { instrument_name: BTC }))).toMatchObject({
      size: "0",
      direction: "zero",
      average_price: "0",
      realized_profit_loss: "-1000",
    });
  });

  test("the resting close order shrinks when the position shrinks, and is cancelled when it is flat", () => {
    const engine = engineWith(LONG);
    const closing = ok(close(engine, { price: "50100" }));
    ok(placeOrder(engine, 1, "sell", { instrument_name: BTC, amount: "30", price: "49990" }, 6000));
    expect(ok(getOrderState(engine, 1, { order_id: closing.order.order_id }))).toMatchObject({
      amount: "70",
      contracts: "7",
      order_state: "open",
      replaced: true,
    });
    expect(bookOf(engine).asks).toEqual([
      ["50010", "30"],
      ["50100", "70"],
    ]);
    ok(placeOrder(engine, 3, "buy", { instrument_name: BTC, amount: "60", price: "49990" }, 7100));
    ok(placeOrder(engine, 1, "sell", { instrument_name: BTC, amount: "70", price: "49990" }, 7200));
    expect(sizesOf(engine)[1]).toBe("0");
    expect(ok(getOrderState(engine, 1, { order_id: closing.order.order_id }))).toMatchObject({
      order_state: "cancelled",
      cancel_reason: "reduce_only",
    });
    expect(bookOf(engine).asks).toEqual([["50010", "30"]]);
  });

  test("the close order is cancelled when the position flips to its own side", () => {
    const engine = engineWith(LONG);
    const closing = ok(close(engine, { price: "50100" }));
    ok(placeOrder(engine, 3, "buy", { instrument_name: BTC, amount: "150", price: "49990" }, 6000));
    ok(
      placeOrder(engine, 1, "sell", { instrument_name: BTC, amount: "150", price: "49990" }, 6100),
    );
    expect(sizesOf(engine)[1]).toBe("-50");
    expect(ok(getOrderState(engine, 1, { order_id: closing.order.order_id })).cancel_reason).toBe(
      "reduce_only",
    );
  });

  test("self-trade: the caller's own bid is cancelled, not traded, and matching goes on", () => {
    const engine = engineWith([...LONG, [1, "buy", "49995", "20"]]);
    const r = ok(close(engine, { price: "49990" }));
    expect(r.trades.map((t) => [t.price, t.amount])).toEqual([["49990", "40"]]);
    const open = ok(getOpenOrdersByInstrument(engine, 1, { instrument_name: BTC }));
    expect(open.map((o) => [o.direction, o.price, o.amount, o.filled_amount])).toEqual([
      ["sell", "49990", "100", "40"],
    ]);
    expect(engine.orders.get("3")?.state).toBe("filled");
    const own = [...engine.orders.values()].find((o) => o.account.id === 1 && o.price === 99990);
    expect(own?.cancelReason).toBe("self_trade");
  });

  test("a reduce-only fill never flips: a second close order is cut as the first one fills", () => {
    const engine = engineWith(LONG);
    const a = ok(close(engine, { price: "50100" }));
    const b = ok(close(engine, { price: "50200" }));
    ok(placeOrder(engine, 3, "buy", { instrument_name: BTC, amount: "300", price: "50200" }, 6000));
    expect(sizesOf(engine)[1]).toBe("0");
    expect(ok(getOrderState(engine, 1, { order_id: a.order.order_id })).order_state).toBe("filled");
    expect(ok(getOrderState(engine, 1, { order_id: b.order.order_id }))).toMatchObject({
      order_state: "cancelled",
      cancel_reason: "reduce_only",
      filled_amount: "0",
    });
  });
});
