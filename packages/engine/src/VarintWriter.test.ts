import { describe, expect, test } from "vitest";
import { VarintReader } from "./VarintReader.js";
import { VarintWriter } from "./VarintWriter.js";

describe("VarintWriter / VarintReader", () => {
  test("round-trips unsigned, signed and raw values exactly", () => {
    const values = [0, 1, 127, 128, 300, 2 ** 31, 2 ** 53 - 1];
    const signed: [number, number][] = [
      [0, 0],
      [-5, 0],
      [1_700_000_000_123, 1_700_000_000_000],
      [1_700_000_000_000, 1_700_000_000_123],
      [1.5, 0],
      [2 ** 52, 0],
      [-(2 ** 53) + 1, 2 ** 53 - 1],
      [7, 0.25],
      [Number.NaN, 0],
    ];
    const w = new VarintWriter();
    for (const v of values) w.unsigned(v);
    for (const [v, base] of signed) w.signed(v, base);
    for (let i = 0; i < 100_000; i++) w.byte(i & 255);
    const r = new VarintReader(w.result().slice());
    for (const v of values) expect(r.unsigned()).toBe(v);
    for (const [v, base] of signed) expect(r.signed(base)).toBe(v);
    // One comparison for the 100,000 raw bytes: an expect() per byte takes seconds on a busy machine.
    const bytes = Array.from({ length: 100_000 }, () => r.byte());
    expect(bytes.every((b, i) => b === (i & 255))).toBe(true);
    expect(r.done()).toBe(true);
    expect(() => r.byte()).toThrow(/ends early/);
  });

  test("small values take one byte", () => {
    const w = new VarintWriter();
    w.unsigned(127);
    w.signed(-63);
    w.signed(1_700_000_000_010, 1_700_000_000_000);
    expect(w.result().length).toBe(3);
  });
});
