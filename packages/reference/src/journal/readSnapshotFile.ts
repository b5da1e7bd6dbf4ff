import { type FileHandle, open } from "node:fs/promises";
import { crc32 } from "node:zlib";
import type { OrderSnapshot } from "@unwind/engine";
import { DataDirError } from "./DataDirError.js";
import { HEADER_BYTES, MAX_RECORD_BYTES, recordAt } from "./frame.js";
import {
  FRAME_CONTINUES,
  FRAME_ENDS,
  SNAPSHOT_MAGIC_V1,
  SNAPSHOT_MAGIC_V2,
  type SnapshotHeader,
  type SnapshotRecord,
} from "./snapshotFormat.js";

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}

function isRecord(value: unknown): value is SnapshotRecord {
  const v = value as SnapshotRecord;
  return (
    typeof v === "object" &&
    v !== null &&
    Number.isSafeInteger(v.seq) &&
    v.seq >= 0 &&
    typeof v.engine === "object" &&
    v.engine !== null &&
    Array.isArray(v.engine.orders)
  );
}

/** Version 1: one record of any length (the reader once applied the journal's 1 MiB limit). */
function decodeV1(bytes: Buffer, bad: (why: string) => DataDirError): SnapshotRecord {
  const record = recordAt(bytes, SNAPSHOT_MAGIC_V1.length, 0xffff_ffff);
  if (!record.ok) throw bad(record.reason);
  if (record.end !== bytes.length)
    throw bad(`${bytes.length - record.end} bytes follow the record`);
  const parsed: unknown = JSON.parse(record.payload.toString("utf8"));
  if (!isRecord(parsed)) throw bad("the record is not {seq, engine}");
  return parsed;
}

/**
 * Reads a snapshot file of either format, frame by frame (a file of any size, no string longer
 * than one part). Anything that does not check out is a {@link DataDirError} that says where.
 */
export async function readSnapshotFile(path: string): Promise<SnapshotRecord> {
  const bad = (why: string) =>
    new DataDirError(
      `snapshot ${path} is damaged: ${why}. It was written to a temp file, read back and renamed, so this is not a crash: restore the data dir from a backup`,
    );
  const handle = await open(path, "r");
  try {
    const size = (await handle.stat()).size;
    const magic = await readAt(handle, 0, SNAPSHOT_MAGIC_V2.length);
    if (magic.equals(SNAPSHOT_MAGIC_V1)) return decodeV1(await readAt(handle, 0, size), bad);
    if (!magic.equals(SNAPSHOT_MAGIC_V2)) throw bad("it starts with neither UNWSNAP2 nor UNWSNAP1");
    let header: SnapshotHeader | undefined;
    const orders: OrderSnapshot[] = [];
    let chunks: Buffer[] = [];
    let position = magic.length;
    for (let frame = 0; position < size; frame++) {
      const at = `frame ${frame} at byte ${position}`;
      const head = await readAt(handle, position, HEADER_BYTES);
      if (head.length < HEADER_BYTES) throw bad(`${at} has an incomplete header`);
      const length = head.readUInt32LE(0);
      if (length < 2 || length > MAX_RECORD_BYTES) throw bad(`${at} has the length ${length}`);
      const payload = await readAt(handle, position + HEADER_BYTES, length);
      if (payload.length < length) throw bad(`${at} is cut (${payload.length} of ${length} bytes)`);
      if (crc32(payload) !== head.readUInt32LE(4)) throw bad(`${at} fails its CRC-32`);
      const kind = payload[0];
      if (kind !== FRAME_CONTINUES && kind !== FRAME_ENDS) throw bad(`${at} has the kind ${kind}`);
      chunks.push(payload.subarray(1));
      position += HEADER_BYTES + length;
      if (kind === FRAME_CONTINUES) continue;
      let part: unknown;
      try {
        part = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch (error) {
        throw bad(`the part ending in ${at} is not JSON (${(error as Error).message})`);
      }
      chunks = [];
      if (header === undefined) {
        const h = part as SnapshotHeader;
        if (!isRecord(h) || !Number.isSafeInteger(h.orders) || h.engine.orders.length > 0) {
          throw bad("the header part is not {seq, orders, engine}");
        }
        header = h;
      } else {
        if (!Array.isArray(part)) throw bad(`the part ending in ${at} is not an array of orders`);
        for (const order of part) orders.push(order);
        if (orders.length > header.orders) throw bad(`more than the ${header.orders} orders`);
      }
    }
    if (chunks.length > 0) throw bad("its last part is cut");
    if (header === undefined) throw bad("it has no header part");
    if (orders.length !== header.orders) {
      throw bad(`it ends after ${orders.length} of its ${header.orders} orders`);
    }
    header.engine.orders = orders;
    return { seq: header.seq, engine: header.engine };
  } finally {
    await handle.close();
  }
}
