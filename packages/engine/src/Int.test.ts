import fc from "fast-check";
import { expect, test } from "vitest";
import { addInt, gcdInt, mulDivRound, mulInt, norm, subInt } from "./Int.js";

const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const safe = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });
const value = fc.oneof(safe, big.map(norm));

function roundRef(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if (2n * (a % d) >= d) q += 1n;
  return neg ? -q : q;
}

test("add, sub, mul are exact and normalized", () => {
  fc.assert(
    fc.property(value, value, (a, b) => {
      expect(addInt(a, b)).toStrictEqual(norm(BigInt(a) + BigInt(b)));
      expect(subInt(a, b)).toStrictEqual(norm(BigInt(a) - BigInt(b)));
      expect(mulInt(a, b)).toStrictEqual(norm(BigInt(a) * BigInt(b)));
    }),
    { seed: 7, numRuns: 500 },
  );
});

test("mulDivRound is round-half-away(x * m / d)", () => {
  const pos = fc.oneof(
    fc.integer({ min: 1, max: 2 ** 40 }),
    fc.bigInt({ min: 1n, max: 10n ** 25n }).map(norm),
  );
  fc.assert(
    fc.property(value, value, pos, (x, m, d) => {
      expect(mulDivRound(x, m, d)).toStrictEqual(norm(roundRef(BigInt(x) * BigInt(m), BigInt(d))));
    }),
    { seed: 7, numRuns: 1000 },
  );
  expect(mulDivRound(1, 1, 2)).toBe(1);
  expect(mulDivRound(-1, 1, 2)).toBe(-1);
  expect(mulDivRound(2 ** 53 - 1, 3, 7)).toBe(Number(roundRef((2n ** 53n - 1n) * 3n, 7n)));
});

test("gcd", () => {
  expect(gcdInt(12, -18)).toBe(6);
  expect(gcdInt(0, 5)).toBe(5);
  expect(gcdInt(10n ** 20n, 10n ** 18n * 4n)).toBe(4n * 10n ** 18n);
  expect(gcdInt(2n ** 60n, 6)).toBe(2);
  expect(gcdInt(2 ** 52, 3 * 2 ** 40)).toBe(2 ** 40);
  expect(gcdInt(-(2 ** 33), 0)).toBe(2 ** 33);
  // Numbers agree with bigints across the int32 boundary.
  let seed = 7;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed;
  };
  for (let i = 0; i < 2000; i++) {
    const a = next() * (i % 3 === 0 ? next() % 4000000 : 1);
    const b = (next() % 100000) * (i % 5 === 0 ? next() : 1);
    expect(gcdInt(a, b)).toBe(gcdInt(BigInt(a), BigInt(b)));
  }
});
