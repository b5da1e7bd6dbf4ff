import { expect, test } from "vitest";
import { type FanoutCosts, fanoutEstimate } from "./fanoutEstimate.js";

const cases: [string, FanoutCosts, "server" | "machine", number][] = [
  [
    "the server's: its no-subscriber cost against that plus building and the floor",
    { quietServer: 90, quietDriver: 70, building: 15, writer: 30, reader: 25 },
    "server",
    90 / 135,
  ],
  [
    // 100 / 110 = 0.91 for the server; (100 + 100) / (200 + 10 + 100) = 0.65 for the machine.
    "the machine's, when the reader costs the shared CPUs more than the server's share allows",
    { quietServer: 100, quietDriver: 100, building: 0, writer: 10, reader: 100 },
    "machine",
    200 / 310,
  ],
  [
    "no extra cost: the whole throughput",
    { quietServer: 90, quietDriver: 70, building: 0, writer: 0, reader: 0 },
    "server",
    1,
  ],
];

test.each(cases)("the estimate is %s", (_name, costs, by, ratio) => {
  const e = fanoutEstimate(costs);
  expect(e.by).toBe(by);
  expect(e.ratio).toBeCloseTo(ratio, 12);
});
