import { formatDecimal, formatRatio, parseDecimal, pow10 } from "@unwind/protocol";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Instrument } from "../Instrument.js";
import { formatPrice, formatPriceRatio, formatSafe } from "./format.js";

const instrument = (tick: string): Instrument => {
  const d = parseDecimal(tick);
  if (!d.ok) throw new Error(d.reason);
  return { tick: d.value, contract: d.value } as unknown as Instrument;
};

describe("number formatting matches the bigint formatting", () => {
  test("formatSafe equals formatDecimal for safe integers and scales 0..15", () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().filter((n) => Number.isSafeInteger(n)),
        fc.integer({ min: 0, max: 15 }),
        (n, scale) => {
          expect(formatSafe(n, scale)).toBe(formatDecimal(BigInt(n), scale));
        },
      ),
      { seed: 5, numRuns: 5000 },
    );
    expect(formatSafe(Number.MAX_SAFE_INTEGER, 15)).toBe("9.007199254740991");
    expect(formatSafe(100_000, 1)).toBe("10000");
    expect(formatSafe(5, 3)).toBe("0.005");
    expect(formatSafe(-1050, 2)).toBe("-10.5");
  });

  test("prices and rounded averages equal the bigint path", () => {
    const ticks = ["0.5", "0.05", "1", "0.0001", "25", "0.00000001"];
    fc.assert(
      fc.property(
        fc.constantFrom(...ticks),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 10_000 }),
        (tick, num, den) => {
          const i = instrument(tick);
          expect(formatPrice(i, num)).toBe(formatDecimal(BigInt(num) * i.tick.units, i.tick.scale));
          const exact = formatRatio(
            BigInt(num) * i.tick.units,
            BigInt(den) * pow10(i.tick.scale),
            8,
          );
          expect(formatPriceRatio(i, num, den)).toBe(exact);
        },
      ),
      { seed: 11, numRuns: 5000 },
    );
  });
});
