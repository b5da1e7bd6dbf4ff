import { describe, expect, it } from "vitest";
import {
  addDec,
  cmpDec,
  formatDec,
  halfDec,
  isDecimal,
  isMultiple,
  mulDec,
  sameDec,
  subDec,
} from "./decimal.js";

describe("decimal", () => {
  it("adds, subtracts and multiplies canonically", () => {
    expect(addDec("50000", "0.5")).toBe("50000.5");
    expect(subDec("0.5", "0.5")).toBe("0");
    expect(subDec("10", "30")).toBe("-20");
    expect(mulDec("0.05", 3)).toBe("0.15");
    expect(halfDec("0.5")).toBe("0.25");
    expect(halfDec("10")).toBe("5");
    expect(formatDec({ units: -0n, scale: 2 })).toBe("0");
  });
  it("compares and tests multiples", () => {
    expect(cmpDec("1.50", "1.5")).toBe(0);
    expect(cmpDec("-1", "0")).toBe(-1);
    expect(isMultiple("60000.5", "0.5")).toBe(true);
    expect(isMultiple("60000.25", "0.5")).toBe(false);
    expect(sameDec("10", 10)).toBe(true);
    expect(sameDec("x", "10")).toBe(false);
  });
  it("recognises the spec's decimal pattern", () => {
    expect(["0", "-10", "0.5", "50000"].every(isDecimal)).toBe(true);
    expect(["1e5", "01", "1.", ".5", "+1", "", " 1"].some(isDecimal)).toBe(false);
  });
  it("formats a long run of zeros in about the time of printing its digits", () => {
    expect(formatDec({ units: 10n ** 10n + 1n, scale: 10 })).toBe("1.0000000001");
    expect(formatDec({ units: -(10n ** 30n), scale: 30 })).toBe("-1");
    expect(formatDec({ units: 120n, scale: 1 })).toBe("12");
    const units = 10n ** 100_000n + 1n;
    expect(formatDec({ units, scale: 100_000 })).toBe(`1.${"0".repeat(99_999)}1`);
    // A /\.?0+$/ regex took 4 s here (quadratic in the run of zeros); BigInt's printing is the
    // baseline, since it is superlinear itself.
    const fastest = (f: () => void) => {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        f();
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const ratio =
      fastest(() => formatDec({ units, scale: 100_000 })) / fastest(() => units.toString());
    expect(ratio).toBeLessThan(5);
  });
});
