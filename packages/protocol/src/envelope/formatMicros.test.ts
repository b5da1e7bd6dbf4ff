import { expect, it } from "vitest";
import { formatMicros } from "./formatMicros.js";

it.each([
  [1795489018443636, "1795489018443636"],
  [1795489018000000, "1795489018000000"],
  [1795489018000007, "1795489018000007"],
  [1795489019999999, "1795489019999999"],
  [1795489018443637, "1795489018443637"],
  [5, "5"],
  [0, "0"],
])("prints %d", (us, want) => {
  expect(formatMicros(us)).toBe(want);
});

it("prints what String does for every microsecond around a second boundary", () => {
  for (let us = 1795489018999000; us < 1795489019001000; us++) {
    expect(formatMicros(us)).toBe(String(us));
  }
});
