import fc from "fast-check";
import { expect, test } from "vitest";
import type { BookChange, BookLevelChange } from "./BookMirror.js";
import { bookChangeJson } from "./bookChangeJson.js";

const decimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }))
  .map(([units, scale]) => {
    const digits = units.toString().padStart(scale + 1, "0");
    return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  });
const level: fc.Arbitrary<BookLevelChange> = fc.tuple(
  fc.constantFrom("new" as const, "change" as const, "delete" as const),
  decimal,
  decimal,
);
const change: fc.Arbitrary<BookChange> = fc
  .record({
    type: fc.constantFrom("snapshot" as const, "change" as const),
    timestamp: fc.integer({ min: 0, max: 2 ** 45 }),
    instrument_name: fc.constantFrom("BTC-PERPETUAL", "ETH-27DEC24", "BTC-27DEC24-50000-C"),
    change_id: fc.integer({ min: 0, max: 2 ** 40 }),
    bids: fc.array(level, { maxLength: 6 }),
    asks: fc.array(level, { maxLength: 6 }),
  })
  .chain((c) =>
    c.type === "snapshot"
      ? fc.constant<BookChange>(c)
      : fc.integer({ min: 0, max: 2 ** 40 }).map((prev) => ({
          type: c.type,
          timestamp: c.timestamp,
          instrument_name: c.instrument_name,
          change_id: c.change_id,
          prev_change_id: prev,
          bids: c.bids,
          asks: c.asks,
        })),
  );

test("bookChangeJson writes what JSON.stringify writes, for snapshots and changes", () => {
  fc.assert(
    fc.property(change, (c) => {
      expect(bookChangeJson(c)).toBe(JSON.stringify(c));
    }),
    { numRuns: 500 },
  );
});
