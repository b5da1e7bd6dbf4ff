import { expect, test } from "vitest";
import { measureSendCost } from "./sendCost.js";

test("sends every byte to every socket and charges the writer for it", async () => {
  const cost = await measureSendCost({ connections: 4, writeSize: 1 << 16, totalBytes: 32 << 20 });
  // 32 MiB through loopback costs the writer at least the copy (over 0.01 ns per byte) and less
  // than 1 us per byte (that would be 1 MB/s); the sinks' count of bytes read is checked inside.
  expect(cost.writerMicrosPerByte).toBeGreaterThan(1e-5);
  expect(cost.writerMicrosPerByte).toBeLessThan(1);
  // The reader's CPU comes from /proc in 10 ms ticks: 32 MiB may cost it less than one.
  if (process.platform === "linux") expect(cost.readerMicrosPerByte).toBeGreaterThanOrEqual(0);
  else expect(cost.readerMicrosPerByte).toBeUndefined();
});

test("small writes cost the writer more per byte than large ones", async () => {
  // 100 B against 64 KiB per write: a syscall per 100 B is dozens of times the cost per byte,
  // far beyond any noise (the ratio is measured, not timed).
  const small = await measureSendCost({ connections: 2, writeSize: 100, totalBytes: 2 << 20 });
  const large = await measureSendCost({ connections: 2, writeSize: 1 << 16, totalBytes: 32 << 20 });
  expect(small.writerMicrosPerByte).toBeGreaterThan(4 * large.writerMicrosPerByte);
});
