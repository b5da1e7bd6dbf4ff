import { closeSync, openSync, writeSync } from "node:fs";
import { expect, test } from "vitest";
import { processWrites } from "./processWrites.js";

test.runIf(process.platform === "linux")("counts this process's write calls and bytes", () => {
  const before = processWrites(process.pid)!;
  // Three writes of 100 bytes to /dev/null (fd 1 may be a pipe the test runner reads).
  const fd = openSync("/dev/null", "w");
  for (let i = 0; i < 3; i++) writeSync(fd, Buffer.alloc(100));
  closeSync(fd);
  const after = processWrites(process.pid)!;
  expect(after.calls - before.calls).toBeGreaterThanOrEqual(3);
  expect(after.bytes - before.bytes).toBeGreaterThanOrEqual(300);
});

test("a process that is not there has no writes", () => {
  expect(processWrites(2 ** 30)).toBeUndefined();
});
