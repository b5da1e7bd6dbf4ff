import { expect, test } from "vitest";
import { FrameCounter } from "./FrameCounter.js";

/** A server's (unmasked) text frame, its length in the 7-bit, 16-bit or 64-bit form (RFC 6455). */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const n = payload.length;
  const head =
    n < 126
      ? Buffer.from([0x81, n])
      : n < 65536
        ? Buffer.from([0x81, 126, n >> 8, n & 0xff])
        : Buffer.concat([Buffer.from([0x81, 127]), Buffer.alloc(4), Buffer.alloc(4)]);
  if (n >= 65536) head.writeUInt32BE(n, 6);
  return Buffer.concat([head, payload]);
}

test("counts frames of every length class, however the stream is cut", () => {
  const frames = [
    textFrame(""),
    textFrame("a".repeat(125)),
    textFrame("b".repeat(126)),
    textFrame("c".repeat(70_000)),
    textFrame("d"),
  ];
  const stream = Buffer.concat(frames);
  for (const size of [1, 2, 3, 7, 100, 4096, stream.length]) {
    const counter = new FrameCounter();
    for (let at = 0; at < stream.length; at += size) counter.push(stream.subarray(at, at + size));
    expect(counter.frames, `chunks of ${size}`).toBe(5);
    expect(counter.bytes).toBe(stream.length);
  }
});
