import { open, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import type { EngineSnapshot } from "@unwind/engine";
import { DataDirError } from "./DataDirError.js";
import { SNAPSHOT_FILE, SNAPSHOT_TEMP_FILE } from "./dataDirFiles.js";
import { encodeRecord, recordAt } from "./frame.js";
import { syncDirectory } from "./syncDirectory.js";

/** A snapshot file's content: the engine state after the first `seq` commands. */
export interface SnapshotRecord {
  readonly seq: number;
  readonly engine: EngineSnapshot;
}

const MAGIC = Buffer.from("UNWSNAP1");
const SNAPSHOT_CHUNK_BYTES = 1 << 20;

/** Encodes a snapshot: the magic `UNWSNAP1`, then one length+CRC-framed JSON record. */
export function encodeSnapshot(record: SnapshotRecord): Buffer {
  return Buffer.concat([MAGIC, encodeRecord(JSON.stringify(record))]);
}

/** Writes a snapshot to a temp file, fsyncs it, renames it over the current one and fsyncs the dir. */
export async function writeSnapshot(dir: string, bytes: Buffer): Promise<void> {
  const temp = join(dir, SNAPSHOT_TEMP_FILE);
  const handle = await open(temp, "w");
  try {
    // In chunks, each made durable before the next: on ext4 (data=ordered) the journal's next
    // fdatasync would otherwise have to flush the whole snapshot first, stalling every answer.
    let written = 0;
    while (written < bytes.length) {
      const end = Math.min(bytes.length, written + SNAPSHOT_CHUNK_BYTES);
      while (written < end) {
        written += (await handle.write(bytes, written, end - written)).bytesWritten;
      }
      await handle.datasync();
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(dir, SNAPSHOT_FILE));
  await syncDirectory(dir);
}

/** Reads the current snapshot, or undefined when there is none; a damaged one is a DataDirError. */
export async function readSnapshot(dir: string): Promise<SnapshotRecord | undefined> {
  const path = join(dir, SNAPSHOT_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const bad = (why: string) =>
    new DataDirError(
      `snapshot ${path} is damaged: ${why}. It was written to a temp file and renamed, so this is not a crash: restore the data dir from a backup`,
    );
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw bad("it does not start with UNWSNAP1");
  const record = recordAt(bytes, MAGIC.length);
  if (!record.ok) throw bad(record.reason);
  if (record.end !== bytes.length)
    throw bad(`${bytes.length - record.end} bytes follow the record`);
  const parsed = JSON.parse(record.payload.toString("utf8")) as SnapshotRecord;
  if (!Number.isSafeInteger(parsed.seq) || typeof parsed.engine !== "object") {
    throw bad("the record is not {seq, engine}");
  }
  return parsed;
}
