import { type FileHandle, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { DataDirError } from "./DataDirError.js";
import { SNAPSHOT_FILE, SNAPSHOT_TEMP_FILE } from "./dataDirFiles.js";
import { HEADER_BYTES, MAX_RECORD_BYTES } from "./frame.js";
import { readSnapshotFile } from "./readSnapshotFile.js";
import {
  FRAME_CONTINUES,
  FRAME_DATA_BYTES,
  FRAME_ENDS,
  ORDERS_PER_PART,
  SNAPSHOT_MAGIC_V2,
  type SnapshotRecord,
} from "./snapshotFormat.js";
import { syncDirectory } from "./syncDirectory.js";

export type { SnapshotRecord } from "./snapshotFormat.js";

/** Options of {@link writeSnapshot}. */
export interface WriteSnapshotOptions {
  /** Reads the written file back before it replaces the current one (tests make it fail). */
  readonly readBack?: (path: string) => Promise<SnapshotRecord>;
}

/** Appends frames to a file, each 1 MiB made durable before the next is written. */
class FrameWriter {
  #unsynced = 0;
  bytes = 0;
  constructor(readonly handle: FileHandle) {}

  async raw(bytes: Buffer): Promise<void> {
    let written = 0;
    while (written < bytes.length) {
      written += (await this.handle.write(bytes, written)).bytesWritten;
    }
    this.bytes += bytes.length;
    // On ext4 (data=ordered) the journal's next fdatasync would otherwise have to flush the
    // whole snapshot first, stalling every answer.
    this.#unsynced += bytes.length;
    if (this.#unsynced >= MAX_RECORD_BYTES) {
      await this.handle.datasync();
      this.#unsynced = 0;
    }
  }

  /** One JSON text, cut into frames. */
  async part(json: string): Promise<void> {
    const data = Buffer.from(json);
    for (let start = 0; start < data.length; start += FRAME_DATA_BYTES) {
      const chunk = data.subarray(start, start + FRAME_DATA_BYTES);
      const kind = start + FRAME_DATA_BYTES >= data.length ? FRAME_ENDS : FRAME_CONTINUES;
      const frame = Buffer.allocUnsafe(HEADER_BYTES + 1 + chunk.length);
      frame.writeUInt32LE(1 + chunk.length, 0);
      frame[HEADER_BYTES] = kind;
      chunk.copy(frame, HEADER_BYTES + 1);
      frame.writeUInt32LE(crc32(frame.subarray(HEADER_BYTES)), 4);
      await this.raw(frame);
    }
  }
}

/**
 * Writes a snapshot (format `UNWSNAP2`, see {@link SNAPSHOT_MAGIC_V2}) to a temp file part by part
 * (so no string holds more than one part, and the event loop runs between parts), fsyncs it, reads
 * it back as recovery would, and only then renames it over the current one and fsyncs the dir.
 * The record must be plain data the engine no longer touches. Resolves with the file's size.
 */
export async function writeSnapshot(
  dir: string,
  record: SnapshotRecord,
  options: WriteSnapshotOptions = {},
): Promise<number> {
  const temp = join(dir, SNAPSHOT_TEMP_FILE);
  const { seq, engine } = record;
  const handle = await open(temp, "w");
  let size: number;
  try {
    const out = new FrameWriter(handle);
    await out.raw(SNAPSHOT_MAGIC_V2);
    await out.part(
      JSON.stringify({ seq, orders: engine.orders.length, engine: { ...engine, orders: [] } }),
    );
    for (let i = 0; i < engine.orders.length; i += ORDERS_PER_PART) {
      await out.part(JSON.stringify(engine.orders.slice(i, i + ORDERS_PER_PART)));
    }
    await handle.sync();
    size = out.bytes;
  } finally {
    await handle.close();
  }
  try {
    const back = await (options.readBack ?? readSnapshotFile)(temp);
    if (back.seq !== seq || back.engine.orders.length !== engine.orders.length) {
      throw new Error(
        `it holds command ${back.seq} with ${back.engine.orders.length} orders, but command ${seq} with ${engine.orders.length} orders was written`,
      );
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw new DataDirError(
      `could not read back the new snapshot ${temp} (${(error as Error).message}); it was deleted, and the current snapshot and journal stay as they are`,
      { cause: error },
    );
  }
  await rename(temp, join(dir, SNAPSHOT_FILE));
  await syncDirectory(dir);
  return size;
}

/** Reads the current snapshot, or undefined when there is none; a damaged one is a DataDirError. */
export async function readSnapshot(dir: string): Promise<SnapshotRecord | undefined> {
  try {
    return await readSnapshotFile(join(dir, SNAPSHOT_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
