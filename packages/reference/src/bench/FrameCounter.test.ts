import { expect, test } from "vitest";
import { FrameCounter } from "./FrameCounter.js";

/** An unmasked server text frame of `length` bytes of payload. */
function frame(length: number): Buffer {
  const header =
    length < 126
      ? Buffer.from([0x81, length])
      : length < 65536
        ? Buffer.from([0x81, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x81, 127]), Buffer.alloc(8)]);
  if (length >= 65536) header.writeBigUInt64BE(BigInt(length), 2);
  return Buffer.concat([header, Buffer.alloc(length, 120)]);
}

test("counts every frame and byte whatever the reads' boundaries", () => {
  const stream = Buffer.concat([
    frame(5),
    frame(125),
    frame(126),
    frame(300),
    frame(70000),
    frame(0),
  ]);
  for (const size of [1, 2, 3, 7, 100, 1000, stream.length]) {
    const counter = new FrameCounter();
    for (let at = 0; at < stream.length; at += size) counter.push(stream.subarray(at, at + size));
    expect({ size, frames: counter.frames, bytes: counter.bytes }).toEqual({
      size,
      frames: 6,
      bytes: stream.length,
    });
  }
});
