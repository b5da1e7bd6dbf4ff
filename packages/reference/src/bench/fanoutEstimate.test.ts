import { expect, test } from "vitest";
import { fanoutEstimate } from "./fanoutEstimate.js";

test("the server's estimate: its no-subscriber cost against that plus building and the floor", () => {
  const b = fanoutEstimate({
    quietServer: 90,
    quietDriver: 70,
    building: 15,
    writer: 30,
    reader: 25,
  });
  expect(b.by).toBe("server");
  expect(b.ratio).toBeCloseTo(90 / 135, 12);
});

test("the machine's estimate when the reader costs the shared CPUs more than the server's share allows", () => {
  // 100 / 110 = 0.91 for the server; (100 + 100) / (200 + 10 + 100) = 0.65 for the machine.
  const b = fanoutEstimate({
    quietServer: 100,
    quietDriver: 100,
    building: 0,
    writer: 10,
    reader: 100,
  });
  expect(b.by).toBe("machine");
  expect(b.ratio).toBeCloseTo(200 / 310, 12);
});

test("no extra cost allows the whole throughput", () => {
  const b = fanoutEstimate({ quietServer: 90, quietDriver: 70, building: 0, writer: 0, reader: 0 });
  expect(b.ratio).toBe(1);
});
