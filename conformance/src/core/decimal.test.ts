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
});
