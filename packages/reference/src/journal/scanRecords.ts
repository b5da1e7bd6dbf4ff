import { recordAt } from "./frame.js";

/** What stopped a scan before the end of the bytes. */
export type ScanProblem =
  /** Nothing valid after `offset`: a write the crash interrupted. Safe to cut. */
  | { kind: "torn"; offset: number; cut: number; reason: string }
  /** A bad record with valid records after it: damage, not a crash. Never cut silently. */
  | { kind: "corrupt"; offset: number; resumesAt: number; reason: string };

/** The payloads of a journal file's valid prefix, and what ended it early, if anything. */
export interface ScanResult {
  payloads: Buffer[];
  /** Bytes of the valid prefix. */
  validBytes: number;
  problem?: ScanProblem;
}

/**
 * Reads length+CRC-framed records from the start of `bytes`. At the first bad record it looks for
 * any valid record further on: if there is one the file is corrupt in the middle, else the bad
 * bytes are a torn tail.
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
        problem: { kind: "torn", offset, cut: bytes.length - offset, reason: record.reason },
      };
    }
    payloads.push(record.payload);
    offset = record.end;
  }
  return { payloads, validBytes: offset };
}
