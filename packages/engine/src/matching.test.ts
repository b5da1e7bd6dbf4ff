import { describe, expect, test } from "vitest";
import { bookOf, engineWith, ok, type Row, sizesOf } from "./bookTable.test.kit.js";
import { placeOrder } from "./wire/placeOrder.js";

/** A book table: given resting rows, when one order arrives, then trades, book and positions. */
interface Case {
  name: string;
  given: Row[];
  when: Row & { 4?: Record<string, unknown> };
  want: {
    state?: string;
    filled?: string;
    trades?: [string, string][];
    bids?: [string, string][];
    asks?: [string, string][];
    sizes?: Record<number, string>;
    cancelReason?: string;
    price?: string;
    replaced?: boolean;
  };
}

const S: Row[] = [
  [1, "sell", "50010", "100"],
  [2, "sell", "50010", "50"],
  [1, "sell", "50020", "30"],
  [2, "buy", "49990", "40"],
  [1, "buy", "49980", "20"],
];

const cases: Case[] = [
  {
    name: "a passive buy rests behind the best bid",
    given: S,
    when: [3, "buy", "49990", "10"],
    want: {
      state: "open",
      trades: [],
      bids: [
        ["49990", "50"],
        ["49980", "20"],
      ],
    },
  },
  {
    name: "a buy at the ask takes the oldest order at that price first",
    given: S,
    when: [3, "buy", "50010", "120"],
    want: {
      state: "filled",
      trades: [
        ["50010", "100"],
        ["50010", "20"],
      ],
      asks: [
        ["50010", "30"],
        ["50020", "30"],
      ],
      sizes: { 1: "-100", 2: "-20", 3: "120", 4: "0" },
    },
  },
  {
    name: "a buy through two levels trades at the resting prices and rests the remainder",
    given: S,
    when: [3, "buy", "50020", "200"],
    want: {
      state: "open",
      filled: "180",
      trades: [
        ["50010", "100"],
        ["50010", "50"],
        ["50020", "30"],
      ],
      asks: [],
      bids: [
        ["50020", "20"],
        ["49990", "40"],
        ["49980", "20"],
      ],
    },
  },
  {
    name: "a sell below the bid trades down the bids",
    given: S,
    when: [4, "sell", "49980", "50"],
    want: {
      state: "filled",
      trades: [
        ["49990", "40"],
        ["49980", "10"],
      ],
      bids: [["49980", "10"]],
      sizes: { 1: "10", 2: "40", 3: "0", 4: "-50" },
    },
  },
  {
    name: "immediate_or_cancel cancels what it could not fill",
    given: S,
    when: [3, "buy", "50010", "200", { time_in_force: "immediate_or_cancel" }],
    want: {
      state: "cancelled",
      cancelReason: "immediate_or_cancel",
      filled: "150",
      trades: [
        ["50010", "100"],
        ["50010", "50"],
      ],
      bids: [
        ["49990", "40"],
        ["49980", "20"],
      ],
    },
  },
  {
    name: "fill_or_kill that cannot fill whole makes no trades",
    given: S,
    when: [3, "buy", "50010", "200", { time_in_force: "fill_or_kill" }],
    want: {
      state: "cancelled",
      cancelReason: "fill_or_kill",
      filled: "0",
      trades: [],
      asks: [
        ["50010", "150"],
        ["50020", "30"],
      ],
    },
  },
  {
    name: "fill_or_kill that can fill whole fills",
    given: S,
    when: [3, "buy", "50020", "180", { time_in_force: "fill_or_kill" }],
    want: {
      state: "filled",
      trades: [
        ["50010", "100"],
        ["50010", "50"],
        ["50020", "30"],
      ],
    },
  },
  {
    name: "a market order sweeps at any price and cancels the rest",
    given: S,
    when: [3, "sell", "0", "100", { type: "market", price: undefined }],
    want: {
      state: "cancelled",
      cancelReason: "immediate_or_cancel",
      filled: "60",
      price: "49986.66666667",
      trades: [
        ["49990", "40"],
        ["49980", "20"],
      ],
      bids: [],
    },
  },
  {
    name: "post_only that would cross is re-priced one tick inside the spread",
    given: S,
    when: [3, "buy", "50015", "10", { post_only: true }],
    want: {
      state: "open",
      trades: [],
      price: "50009.5",
      replaced: true,
      bids: [
        ["50009.5", "10"],
        ["49990", "40"],
        ["49980", "20"],
      ],
    },
  },
  {
    name: "a post_only sell that would cross is re-priced to best bid + tick",
    given: S,
    when: [3, "sell", "49000", "10", { post_only: true }],
    want: { state: "open", trades: [], price: "49990.5", replaced: true },
  },
  {
    name: "post_only that does not cross rests unchanged",
    given: S,
    when: [3, "buy", "50000", "10", { post_only: true }],
    want: { state: "open", trades: [], price: "50000", replaced: false },
  },
  {
    name: "self-trade: the taker's own resting orders are cancelled and matching goes on",
    given: S,
    when: [1, "buy", "50010", "60"],
    want: {
      state: "open",
      filled: "50",
      trades: [["50010", "50"]],
      asks: [["50020", "30"]],
      bids: [
        ["50010", "10"],
        ["49990", "40"],
        ["49980", "20"],
      ],
      sizes: { 1: "50", 2: "-50", 3: "0", 4: "0" },
    },
  },
];

describe("matching (book tables)", () => {
  for (const c of cases) {
    test(c.name, () => {
      const engine = engineWith(c.given);
      const [account, direction, price, amount, extra] = c.when;
      const r = ok(
        placeOrder(
          engine,
          account,
          direction,
          { instrument_name: "BTC-PERPETUAL", price, amount, ...extra },
          2000,
        ),
      );
      const t = c.want;
      if (t.state !== undefined) expect(r.order.order_state).toBe(t.state);
      if (t.filled !== undefined) expect(r.order.filled_amount).toBe(t.filled);
      if (t.cancelReason !== undefined) expect(r.order.cancel_reason).toBe(t.cancelReason);
      if (t.price !== undefined) expect(r.order.price).toBe(t.price);
      if (t.replaced !== undefined) expect(r.order.replaced).toBe(t.replaced);
      if (t.trades !== undefined)
        expect(r.trades.map((x) => [x.price, x.amount])).toEqual(t.trades);
      const book = bookOf(engine);
      if (t.bids !== undefined) expect(book.bids).toEqual(t.bids);
      if (t.asks !== undefined) expect(book.asks).toEqual(t.asks);
      if (t.sizes !== undefined) expect(sizesOf(engine)).toEqual(t.sizes);
    });
  }
});
