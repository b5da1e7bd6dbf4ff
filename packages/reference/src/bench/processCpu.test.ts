import { expect, test } from "vitest";
import { processCpuMicros } from "./processCpu.js";

test.runIf(process.platform === "linux")(
  "reads this process's CPU time, which grows with work",
  () => {
    const before = processCpuMicros(process.pid)!;
    expect(before).toBeGreaterThan(0);
    // Busy until a 10 ms tick is counted (2 s at most, whatever the machine's load).
    const until = performance.now() + 2_000;
    let after = before;
    let x = 0;
    while (after === before && performance.now() < until) {
      for (let i = 0; i < 100_000; i++) x += Math.sqrt(x + i);
      after = processCpuMicros(process.pid)!;
    }
    expect(x).toBeGreaterThan(0);
    expect(after - before).toBeGreaterThanOrEqual(10_000);
  },
);

test("a process that is not there has no CPU time", () => {
  expect(processCpuMicros(2 ** 30)).toBeUndefined();
});
