import { expect, test } from "vitest";
import { channelInstrument } from "./channelInstrument.js";

test("the instrument of each channel kind; none for other names", () => {
  expect(
    [
      "user.orders.BTC-PERPETUAL.raw",
      "user.trades.ETH-PERPETUAL.raw",
      "user.changes.BTC-25DEC26.raw",
      "book.BTC-PERPETUAL.raw",
      "trades.X.Y.raw",
      "book.BTC-PERPETUAL.100ms",
      "trades.ETH-PERPETUAL.100ms",
      "book.BTC-PERPETUAL.agg2",
      "user.orders.BTC-PERPETUAL.100ms",
      "ticker.BTC-PERPETUAL.raw",
    ].map(channelInstrument),
  ).toEqual([
    "BTC-PERPETUAL",
    "ETH-PERPETUAL",
    "BTC-25DEC26",
    "BTC-PERPETUAL",
    "X.Y",
    "BTC-PERPETUAL",
    "ETH-PERPETUAL",
    undefined,
    undefined,
    undefined,
  ]);
});

test("an instrument part with a line break is still found (and so refused as unknown)", () => {
  for (const br of ["\n", "\r", "\u2028", "\u2029"])
    expect(channelInstrument(`book.BTC-PERPETUAL${br}.raw`)).toBe(`BTC-PERPETUAL${br}`);
});
