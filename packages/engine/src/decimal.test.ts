import { describe, expect, test } from "vitest";
import { divideExact, formatDecimal, formatRatio, parseDecimal } from "./decimal.js";

describe("parseDecimal", () => {
  const good: [unknown, bigint, number][] = [
    ["50000", 50000n, 0],
    ["0.5", 5n, 1],
    ["-10", -10n, 0],
    ["1.50", 15n, 1],
    ["0", 0n, 0],
    ["0.000", 0n, 0],
    [0.1, 1n, 1],
    [50000, 50000n, 0],
    [1e-7, 1n, 7],
    [1e21, 10n ** 21n, 0],
    [-2.5, -25n, 1],
  ];
  for (const [input, units, scale] of good) {
    test(`reads ${JSON.stringify(input)}`, () => {
      expect(parseDecimal(input)).toEqual({ ok: true, value: { units, scale } });
    });
  }
  const bad: unknown[] = [
    "",
    "1e5",
    "+1",
    ".5",
    "5.",
    "01",
    "0x10",
    " 1",
    "1,5",
    "NaN",
    Number.NaN,
    Infinity,
    null,
    true,
    {},
  ];
  for (const input of bad) {
    test(`rejects ${String(input)}`, () => {
      const r = parseDecimal(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(10);
    });
  }
});

test("formatDecimal prints canonically", () => {
  expect(formatDecimal(100000n, 1)).toBe("10000");
  expect(formatDecimal(5n, 1)).toBe("0.5");
  expect(formatDecimal(-5n, 2)).toBe("-0.05");
  expect(formatDecimal(0n, 8)).toBe("0");
  expect(formatDecimal(-123450n, 3)).toBe("-123.45");
  expect(formatDecimal(7n, 0)).toBe("7");
});

test("formatRatio rounds half away from zero to 8 places", () => {
  expect(formatRatio(2n, 3n)).toBe("0.66666667");
  expect(formatRatio(-2n, 3n)).toBe("-0.66666667");
  expect(formatRatio(1n, 3n)).toBe("0.33333333");
  expect(formatRatio(5n, 10n ** 9n)).toBe("0.00000001");
  expect(formatRatio(-5n, 10n ** 9n)).toBe("-0.00000001");
  expect(formatRatio(4n, 10n ** 9n)).toBe("0");
  expect(formatRatio(1n, -2n)).toBe("-0.5");
  expect(formatRatio(100000001n, 2n, 0)).toBe("50000001");
});

test("divideExact finds whole multiples only", () => {
  const tick = { units: 5n, scale: 1 };
  expect(divideExact({ units: 600005n, scale: 1 }, tick)).toBe(120001n);
  expect(divideExact({ units: 6000025n, scale: 2 }, tick)).toBeUndefined();
  expect(divideExact({ units: 120n, scale: 0 }, { units: 10n, scale: 0 })).toBe(12n);
  expect(divideExact({ units: 15n, scale: 0 }, { units: 10n, scale: 0 })).toBeUndefined();
});
