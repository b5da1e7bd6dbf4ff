import fc from "fast-check";
import { expect, test } from "vitest";
import { publicTradesJson } from "./publicTradesJson.js";
import type { PublicTrade } from "./toPublicTrade.js";

const trade: fc.Arbitrary<PublicTrade> = fc.record({
  trade_id: fc.bigInt({ min: 1n, max: 10n ** 15n }).map(String),
  trade_seq: fc.integer({ min: 1, max: 2 ** 40 }),
  timestamp: fc.integer({ min: 0, max: 2 ** 45 }),
  instrument_name: fc.constantFrom("BTC-PERPETUAL", "ETH-27DEC24"),
  price: fc.constantFrom("50000", "0.5", "-12.25", "0"),
  amount: fc.constantFrom("10", "0.1", "123456"),
  direction: fc.constantFrom("buy" as const, "sell" as const),
});

test("publicTradesJson writes what JSON.stringify writes", () => {
  fc.assert(
    fc.property(fc.array(trade, { maxLength: 5 }), (trades) => {
      expect(publicTradesJson(trades)).toBe(JSON.stringify(trades));
    }),
    { numRuns: 300 },
  );
});
