import {
  defaultInstruments,
  Engine,
  type PlaceOrderReturnType,
  type WireOrder,
  type WireTrade,
} from "@unwind/engine";
import { describe, expect, it } from "vitest";
import { loadAccountsFile } from "../config/loadAccountsFile.js";
import { serializePlaceResult } from "./serializePlaceResult.js";

/** mulberry32: a small seeded generator, so a failure reproduces. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof random>;

// Characters JSON.stringify escapes (quote, backslash, controls, lone surrogates) and some it does not.
const chars = ['"', "\\", "\n", "\u0000", "\u001f", "\u007f", "\u2028", "\ud800", "\udc00"];
const more = ["😀", "é", "/", "<", "a", "Z", "0", " ", "-", "\t", "{", "}"];
const text = (r: Rng, max: number) =>
  Array.from({ length: r.int(max + 1) }, () => r.pick(r.next() < 0.4 ? chars : more)).join("");
const digits = (r: Rng) => String(1 + r.int(1e9)) + (r.next() < 0.3 ? "39005203453" : "");
const decimal = (r: Rng) =>
  r.pick(["0", "10", "-20", "60000.5", "0.00000001", "-1.25", String(r.int(1e7))]);
const bool = (r: Rng) => r.next() < 0.5;

function wireOrder(r: Rng): WireOrder {
  const o: WireOrder = {
    order_id: digits(r),
    instrument_name: r.next() < 0.5 ? "BTC-PERPETUAL" : text(r, 12),
    direction: r.pick(["buy", "sell"] as const),
    order_type: r.pick(["limit", "market"] as const),
    order_state: r.pick(["open", "filled", "cancelled"] as const),
    time_in_force: r.pick(["good_til_cancelled", "immediate_or_cancel", "fill_or_kill"] as const),
    price: decimal(r),
    amount: decimal(r),
    filled_amount: decimal(r),
    average_price: decimal(r),
    label: text(r, 64),
    post_only: bool(r),
    reject_post_only: bool(r),
    reduce_only: bool(r),
    creation_timestamp: 1_700_000_000_000 + r.int(1e9),
    last_update_timestamp: 1_700_000_000_000 + r.int(1e9),
    api: true,
    web: false,
    replaced: bool(r),
    is_liquidation: false,
    max_show: decimal(r),
    contracts: decimal(r),
  };
  if (r.next() < 0.5) {
    o.cancel_reason = r.pick([
      "user_request",
      "reduce_only",
      "self_trade",
      "immediate_or_cancel",
      "fill_or_kill",
    ] as const);
  }
  return o;
}

function wireTrade(r: Rng): WireTrade {
  return {
    trade_id: digits(r),
    trade_seq: r.int(1e6),
    order_id: digits(r),
    instrument_name: text(r, 12),
    direction: r.pick(["buy", "sell"] as const),
    price: decimal(r),
    amount: decimal(r),
    timestamp: 1_700_000_000_000 + r.int(1e9),
    state: r.pick(["open", "filled"] as const),
    liquidity: r.pick(["T", "M"] as const),
    order_type: r.pick(["limit", "market"] as const),
    reduce_only: bool(r),
    post_only: bool(r),
    label: text(r, 64),
    fee: decimal(r),
    fee_currency: r.next() < 0.5 ? "BTC" : text(r, 5),
    index_price: decimal(r),
    mark_price: decimal(r),
    tick_direction: r.int(4),
    matching_id: null,
  };
}

describe("serializePlaceResult", () => {
  it("prints an order with one trade as JSON.stringify does", () => {
    const r = random(1);
    const result = { order: wireOrder(r), trades: [wireTrade(r)] };
    expect(serializePlaceResult(result)).toBe(JSON.stringify(result));
  });

  it("is byte-identical to JSON.stringify for 5,000 random results (seeded)", () => {
    const r = random(20_240_601);
    for (let i = 0; i < 5_000; i++) {
      const result: PlaceOrderReturnType = {
        order: wireOrder(r),
        trades: Array.from({ length: r.int(5) }, () => wireTrade(r)),
      };
      const want = JSON.stringify(result);
      if (serializePlaceResult(result) !== want) {
        expect({ case: i, got: serializePlaceResult(result) }).toEqual({ case: i, got: want });
      }
    }
  });

  it("is byte-identical to JSON.stringify for what the engine answers (member order included)", () => {
    const engine = new Engine({ accounts: loadAccountsFile().accounts, events: false });
    const accounts = [101, 102, 103, 104];
    const names = defaultInstruments.map((i) => i.instrument_name);
    const r = random(7);
    let compared = 0;
    let traded = 0;
    let cancelled = 0;
    for (let i = 0; i < 3_000; i++) {
      const account = r.pick(accounts);
      const instrument_name = r.pick(names);
      const price = String((instrument_name === "ETH-PERPETUAL" ? 3000 : 50000) + r.int(20));
      const out =
        r.next() < 0.15
          ? engine.closePosition(account, { instrument_name, type: "limit" }, 1_700_000_000_000 + i)
          : engine.placeOrder(
              account,
              r.pick(["buy", "sell"] as const),
              {
                instrument_name,
                amount: String(10 * (1 + r.int(5))),
                price,
                label: text(r, 20),
                reduce_only: r.next() < 0.2,
                time_in_force: r.pick(["good_til_cancelled", "immediate_or_cancel"]),
              },
              1_700_000_000_000 + i,
            );
      if (!out.ok) continue;
      compared++;
      if (out.result.trades.length > 0) traded++;
      if (out.result.order.cancel_reason !== undefined) cancelled++;
      expect(serializePlaceResult(out.result)).toBe(JSON.stringify(out.result));
    }
    // The stream must reach the interesting shapes, or this test proves little.
    expect(compared).toBeGreaterThan(1_000);
    expect(traded).toBeGreaterThan(100);
    expect(cancelled).toBeGreaterThan(10);
  });
});
