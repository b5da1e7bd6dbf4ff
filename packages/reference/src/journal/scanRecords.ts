import { crc32 } from "node:zlib";
import { HEADER_BYTES, MAX_RECORD_BYTES, recordAt } from "./frame.js";

/** What stopped a scan before the end of the bytes. */
export type ScanProblem =
  /**
   * An incomplete last record (its header, or a length that runs past the end of the file), or a
   * zero-filled tail: a write the crash interrupted. A record is acknowledged only after its
   * fsync, so these bytes never were. Safe to cut.
   */
  | { kind: "torn"; offset: number; cut: number; reason: string }
  /**
   * A complete last record that does not check out (CRC-32 mismatch, impossible or damaged
   * length). A crash cannot leave this, and the record may have been acknowledged: never cut
   * silently. `record` is its index in the file (0-based), `payload` its bytes as they are.
   */
  | {
      kind: "damaged";
      offset: number;
      record: number;
      cut: number;
      payload: Buffer;
      reason: string;
    }
  /** A bad record with valid records after it: damage, not a crash. Never cut silently. */
  | { kind: "corrupt"; offset: number; resumesAt: number; reason: string };

/** The payloads of a journal file's valid prefix, and what ended it early, if anything. */
export interface ScanResult {
  payloads: Buffer[];
  /** Bytes of the valid prefix. */
  validBytes: number;
  problem?: ScanProblem;
}

function allZero(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0) return false;
  return true;
}

/** Tells a torn tail (nothing after `offset` was ever acknowledged) from a damaged last record. */
function tailProblem(bytes: Buffer, offset: number, record: number, why: string): ScanProblem {
  const rest = bytes.subarray(offset);
  const cut = rest.length;
  const torn = (reason: string): ScanProblem => ({ kind: "torn", offset, cut, reason });
  if (rest.length < HEADER_BYTES) return torn(why);
  if (allZero(rest)) {
    return torn(`${cut} zero bytes (space allocated for a write that never reached the disk)`);
  }
  const length = rest.readUInt32LE(0);
  const payload = rest.subarray(HEADER_BYTES);
  const damaged = (reason: string): ScanProblem => ({
    kind: "damaged",
    offset,
    record,
    cut,
    payload,
    reason,
  });
  // The bytes that are there may be a whole record whose length field alone was damaged: their
  // CRC-32 matches (a torn prefix of a longer record almost never does).
  if (length !== payload.length && crc32(payload) === rest.readUInt32LE(4)) {
    return damaged(
      `a damaged length field: it says ${length} payload bytes, but the ${payload.length} bytes up to the end of the file match its CRC-32`,
    );
  }
  if (length > payload.length && length <= MAX_RECORD_BYTES) return torn(why);
  return damaged(why);
}

/**
 * Reads length+CRC-framed records from the start of `bytes`. At the first bad record it looks for
 * any valid record further on: if there is one the file is corrupt in the middle; else the bad
 * bytes are either a torn tail (an incomplete record or zeros: never acknowledged) or a damaged
 * complete record (which may have been acknowledged).
 */
export function scanRecords(bytes: Buffer): ScanResult {
  const payloads: Buffer[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const record = recordAt(bytes, offset);
    if (!record.ok) {
      for (let p = offset + 1; p + 8 <= bytes.length; p++) {
        if (recordAt(bytes, p).ok) {
          return {
            payloads,
            validBytes: offset,
            problem: { kind: "corrupt", offset, resumesAt: p, reason: record.reason },
          };
        }
      }
      return {
        payloads,
        validBytes: offset,
        problem: tailProblem(bytes, offset, payloads.length, record.reason),
      };
    }
    payloads.push(record.payload);
    offset = record.end;
  }
  return { payloads, validBytes: offset };
}
