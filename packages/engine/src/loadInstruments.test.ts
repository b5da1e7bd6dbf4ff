import { expect, test } from "vitest";
import { defaultInstruments } from "./Instrument.js";
import { loadInstruments } from "./loadInstruments.js";

test("the defaults load", () => {
  const r = loadInstruments(JSON.stringify(defaultInstruments));
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(
    r.instruments.map((i) => [i.name, i.minLots, String(i.pnlUnit.num), String(i.pnlUnit.den)]),
  ).toEqual([
    ["BTC-PERPETUAL", 1, "500000000", "1"],
    ["ETH-PERPETUAL", 1, "5000000", "1"],
    ["BTC-25DEC26", 1, "500000000", "1"],
  ]);
});

test("decimals are stored canonically", () => {
  const r = loadInstruments([
    { ...defaultInstruments[0], tick_size: "0.50", min_trade_amount: "20.0" },
  ]);
  expect(r.ok && [r.instruments[0]!.config.tick_size, r.instruments[0]!.minLots]).toEqual([
    "0.5",
    2,
  ]);
});

test("every problem is reported with where it is", () => {
  const bad = [
    { ...defaultInstruments[0], tick_size: "0", contract_size: "ten", extra: 1 },
    { ...defaultInstruments[1], min_trade_amount: "1.5", kind: "option", expiration_timestamp: -1 },
    { ...defaultInstruments[2] },
    { ...defaultInstruments[2] },
  ];
  const r = loadInstruments(bad);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors).toEqual([
    "[0].extra: unknown field",
    '[0].tick_size: expected a positive decimal, but got "0"',
    expect.stringMatching(/^\[0\]\.contract_size: could not parse "ten"/),
    '[1].kind: expected "future", but got "option"',
    "[1].min_trade_amount: expected a multiple of contract_size, but got 1.5",
    "[1].expiration_timestamp: expected a non-negative integer (ms), but got -1",
    "[3].instrument_name: duplicate BTC-25DEC26",
  ]);
});

test("a name longer than the spec's 64 characters is refused", () => {
  const name = `BTC-${"X".repeat(61)}`;
  expect(loadInstruments([{ ...defaultInstruments[0], instrument_name: name }])).toEqual({
    ok: false,
    errors: [
      "[0].instrument_name: expected at most 64 characters (the spec's InstrumentName), but got 65",
    ],
  });
  const r = loadInstruments([{ ...defaultInstruments[0], instrument_name: name.slice(1) }]);
  expect(r.ok).toBe(true);
});

test("not JSON, not an array, empty", () => {
  expect(loadInstruments("{")).toMatchObject({
    ok: false,
    errors: [expect.stringMatching(/^could not parse/)],
  });
  expect(loadInstruments({})).toEqual({
    ok: false,
    errors: ["expected a JSON array of instruments, but got object"],
  });
  expect(loadInstruments([])).toEqual({
    ok: false,
    errors: ["expected at least one instrument, but got an empty array"],
  });
});
