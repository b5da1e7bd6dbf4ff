import { expect, test } from "vitest";
import { textFrame } from "./ChannelHub.js";

test.each([
  [5, 2],
  [125, 2],
  [126, 4],
  [65535, 4],
  [65536, 10],
])("a text of %i bytes gets a %i-byte header and the payload as it is", (length, header) => {
  const text = "é".repeat(length / 2) + "x".repeat(length % 2);
  const frame = textFrame(text);
  expect(frame[0]).toBe(0x81);
  const declared =
    header === 2
      ? frame[1]
      : header === 4
        ? frame.readUInt16BE(2)
        : Number(frame.readBigUInt64BE(2));
  expect(declared).toBe(length);
  expect(frame.subarray(header).toString("utf8")).toBe(text);
});
