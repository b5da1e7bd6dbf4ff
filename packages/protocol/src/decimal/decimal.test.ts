import { describe, expect, test } from "vitest";
import { divideExact } from "./divideExact.js";
import { fastestRun } from "./fastestRun.test-helpers.js";
import { formatDecimal } from "./formatDecimal.js";
import { formatRatio } from "./formatRatio.js";
import { MAX_DECIMAL_LENGTH, parseDecimal } from "./parseDecimal.js";
import { POW10_CACHE_LIMIT, pow10, pow10CacheSize } from "./pow10.js";

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

describe("long decimals", () => {
  test("a string longer than 64 characters is refused before it is read", () => {
    expect(MAX_DECIMAL_LENGTH).toBe(64);
    expect(parseDecimal(`1000.${"0".repeat(200_000)}`)).toEqual({
      ok: false,
      reason: "expected a decimal string of at most 64 characters, but got 200005",
    });
    expect(parseDecimal(`1.${"0".repeat(63)}`).ok).toBe(false);
    expect(parseDecimal(`-1.${"0".repeat(61)}`)).toEqual({
      ok: true,
      value: { units: -1n, scale: 0 },
    });
    expect(parseDecimal(`0.${"0".repeat(61)}1`)).toEqual({
      ok: true,
      value: { units: 1n, scale: 62 },
    });
  });

  test("trailing zeros are stripped in one scan, not one division each", () => {
    expect(parseDecimal(`1000.${"0".repeat(200_000)}`, Infinity)).toEqual({
      ok: true,
      value: { units: 1000n, scale: 0 },
    });
    expect(parseDecimal(`-0.${"0".repeat(50)}`)).toEqual({
      ok: true,
      value: { units: 0n, scale: 0 },
    });
    expect(parseDecimal("12.3400")).toEqual({ ok: true, value: { units: 1234n, scale: 2 } });
  });

  // Ten times the zeros must cost about ten times the time (a quadratic parse costs a hundred
  // times: 20,000 zeros took 0.4 s and 200,000 took 21 s before); 40 leaves room for noise.
  test.each([
    ["trailing zeros", (n: number) => `1000.${"0".repeat(n)}`],
    ["leading zeros of the fraction", (n: number) => `0.${"0".repeat(n)}1`],
  ])("parsing %s is linear in the length", (_, make) => {
    const small = make(20_000);
    const large = make(200_000);
    const ratio =
      fastestRun(() => parseDecimal(large, Infinity)) /
      fastestRun(() => parseDecimal(small, Infinity));
    expect(ratio).toBeLessThan(40);
  });

  // BigInt's own reading of many digits is superlinear: the baseline is that reading, and the
  // parse around it must add little.
  test("parsing many significant digits costs about as much as BigInt reading them", () => {
    const digits = "7".repeat(200_000);
    const ratio =
      fastestRun(() => parseDecimal(`1.${digits}`, Infinity)) /
      fastestRun(() => BigInt(`1${digits}`));
    expect(ratio).toBeLessThan(5);
  });

  // BigInt's own toString is superlinear, so the baseline is the digits' printing: trimming
  // the zeros after it must cost little more (a /0+$/ regex took 4 s on 100,000 zeros).
  test("formatting a long run of zeros costs about as much as printing the digits", () => {
    expect(formatDecimal(10n ** 10n + 1n, 10)).toBe("1.0000000001");
    expect(formatDecimal(10n ** 30n, 30)).toBe("1");
    const large = 10n ** 100_000n + 1n;
    expect(formatDecimal(large, 100_000)).toBe(`1.${"0".repeat(99_999)}1`);
    const ratio =
      fastestRun(() => formatDecimal(large, 100_000), 3) / fastestRun(() => large.toString(), 3);
    expect(ratio).toBeLessThan(5);
  });
});

describe("powers of ten", () => {
  test("the cache stays bounded after 10,000 distinct precisions", () => {
    const tick = { units: 5n, scale: 1 };
    for (let scale = 1; scale <= 10_000; scale++) {
      const d = parseDecimal(`0.${"0".repeat(scale - 1)}5`, Infinity);
      expect(d.ok && d.value.scale).toBe(scale);
      if (d.ok) expect(divideExact(d.value, tick) === undefined).toBe(scale > 1);
    }
    expect(pow10CacheSize()).toBeLessThanOrEqual(POW10_CACHE_LIMIT + 1);
  });

  test("powers beyond the cache are still exact", () => {
    expect(pow10(0)).toBe(1n);
    expect(pow10(POW10_CACHE_LIMIT)).toBe(10n ** BigInt(POW10_CACHE_LIMIT));
    expect(pow10(300)).toBe(10n ** 300n);
    expect(parseDecimal(1e-300)).toEqual({ ok: true, value: { units: 1n, scale: 300 } });
  });
});
