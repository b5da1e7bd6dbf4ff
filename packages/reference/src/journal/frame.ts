import { crc32 } from "node:zlib";

/** Bytes before each record's payload: u32 LE payload length, u32 LE CRC-32 of the payload. */
export const HEADER_BYTES = 8;
/** A payload larger than this is not a record (commands are a few hundred bytes). */
export const MAX_RECORD_BYTES = 1 << 20;

/** Frames one payload: length, CRC-32, then the bytes. */
export function encodeRecord(json: string): Buffer {
  const length = Buffer.byteLength(json);
  const record = Buffer.allocUnsafe(HEADER_BYTES + length);
  record.write(json, HEADER_BYTES, "utf8");
  record.writeUInt32LE(length, 0);
  record.writeUInt32LE(crc32(record.subarray(HEADER_BYTES)), 4);
  return record;
}

/**
 * The payload of the record at `offset`, or why there is none (incomplete or not a record).
 * `maxBytes` is the largest payload accepted (the journal's 1 MiB unless a reader says otherwise).
 */
export function recordAt(
  bytes: Buffer,
  offset: number,
  maxBytes: number = MAX_RECORD_BYTES,
): { ok: true; payload: Buffer; end: number } | { ok: false; reason: string; incomplete: boolean } {
  const left = bytes.length - offset;
  if (left < HEADER_BYTES) {
    return { ok: false, reason: `an incomplete header (${left} of 8 bytes)`, incomplete: true };
  }
  const length = bytes.readUInt32LE(offset);
  if (length === 0 || length > maxBytes) {
    return { ok: false, reason: `an impossible record length ${length}`, incomplete: false };
  }
  if (length > left - HEADER_BYTES) {
    return {
      ok: false,
      reason: `an incomplete record (${left - HEADER_BYTES} of ${length} payload bytes)`,
      incomplete: true,
    };
  }
  const payload = bytes.subarray(offset + HEADER_BYTES, offset + HEADER_BYTES + length);
  if (crc32(payload) !== bytes.readUInt32LE(offset + 4)) {
    return { ok: false, reason: "a CRC-32 mismatch", incomplete: false };
  }
  return { ok: true, payload, end: offset + HEADER_BYTES + length };
}
