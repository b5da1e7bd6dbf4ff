import { describe, expect, test } from "vitest";
import { encodeRecord } from "./frame.js";
import { scanRecords } from "./scanRecords.js";

const records = ['{"n":1}', '{"n":22}', '{"n":333}'].map(encodeRecord);
const whole = Buffer.concat(records);
const ends = [records[0]!.length, records[0]!.length + records[1]!.length, whole.length];

describe("scanRecords", () => {
  test("reads every record of an intact file", () => {
    const scan = scanRecords(whole);
    expect(scan.payloads.map((p) => p.toString())).toEqual(['{"n":1}', '{"n":22}', '{"n":333}']);
    expect(scan.validBytes).toBe(whole.length);
    expect(scan.problem).toBeUndefined();
  });

  test.each([
    ["a partial header", ends[1]! + 5, "an incomplete header (5 of 8 bytes)"],
    ["a partial payload", whole.length - 3, "an incomplete record (6 of 9 payload bytes)"],
  ])("a file cut in %s has a torn tail", (_, length, reason) => {
    const scan = scanRecords(whole.subarray(0, length));
    expect(scan.payloads).toHaveLength(2);
    expect(scan.problem).toEqual({ kind: "torn", offset: ends[1], cut: length - ends[1]!, reason });
  });

  test("zeros after the last record (an extended but unwritten file) are a torn tail", () => {
    const scan = scanRecords(Buffer.concat([whole, Buffer.alloc(100)]));
    expect(scan.payloads).toHaveLength(3);
    expect(scan.problem).toMatchObject({ kind: "torn", offset: whole.length, cut: 100 });
  });

  test("a complete last record with a bad CRC is damaged, not torn: it may have been acknowledged", () => {
    const bytes = Buffer.from(whole);
    bytes[whole.length - 1] ^= 0xff;
    expect(scanRecords(bytes)).toMatchObject({
      payloads: [Buffer.from('{"n":1}'), Buffer.from('{"n":22}')],
      validBytes: ends[1],
      problem: {
        kind: "damaged",
        offset: ends[1],
        record: 2,
        cut: 17,
        reason: "a CRC-32 mismatch",
      },
    });
  });

  test.each([
    ["longer", 4000],
    ["shorter", 3],
  ])("a last record whose length field was damaged (%s) is damaged, not torn", (_, length) => {
    const bytes = Buffer.from(whole);
    bytes.writeUInt32LE(length, ends[1]!);
    expect(scanRecords(bytes).problem).toMatchObject({
      kind: "damaged",
      offset: ends[1],
      record: 2,
      reason: `a damaged length field: it says ${length} payload bytes, but the 9 bytes up to the end of the file match its CRC-32`,
    });
  });

  test("an impossible length in the last record is damaged", () => {
    const bytes = Buffer.from(whole);
    bytes.writeUInt32LE(0xffff_fff0, ends[1]!);
    bytes[whole.length - 1] ^= 0xff;
    expect(scanRecords(bytes).problem).toMatchObject({
      kind: "damaged",
      reason: "an impossible record length 4294967280",
    });
  });

  test("a bad record followed by good ones is corruption, not a tail", () => {
    const bytes = Buffer.from(whole);
    bytes[ends[0]! + 9] ^= 0xff;
    expect(scanRecords(bytes)).toMatchObject({
      validBytes: ends[0],
      problem: {
        kind: "corrupt",
        offset: ends[0],
        resumesAt: ends[1],
        reason: "a CRC-32 mismatch",
      },
    });
  });
});
