import { mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Command, Engine, EngineSnapshot } from "@unwind/engine";
import { DataDirError } from "./DataDirError.js";
import { damagedRecordError } from "./damagedRecordError.js";
import { SNAPSHOT_TEMP_FILE, segmentPath, segmentStart } from "./dataDirFiles.js";
import { scanRecords } from "./scanRecords.js";
import { readSnapshot, writeSnapshot } from "./snapshotFile.js";

/** How to recover a data directory. */
export interface RecoveryOptions {
  readonly dir: string;
  /** A fresh engine, for a new data dir. Its commands must not be journaled while replaying. */
  readonly create: () => Engine;
  /** An engine from a snapshot. */
  readonly restore: (snapshot: EngineSnapshot) => Engine;
  /** Receives one line per finding (torn tail, stale files, the summary). */
  readonly log: (line: string) => void;
}

/** A recovered engine and where the journal goes on. */
export interface Recovery {
  readonly engine: Engine;
  /** Commands in the state: the number of the next command. */
  readonly seq: number;
  /** The command number the current snapshot was taken at. */
  readonly snapshotSeq: number;
  /** The segment file to append to. */
  readonly segment: string;
  /** Journal records replayed on top of the snapshot. */
  readonly replayed: number;
}

async function listSegments(dir: string): Promise<{ start: number; path: string }[]> {
  const found: { start: number; path: string }[] = [];
  for (const name of await readdir(dir)) {
    const start = segmentStart(name);
    if (start !== undefined) found.push({ start, path: join(dir, name) });
  }
  return found.sort((a, b) => a.start - b.start);
}

async function truncate(path: string, length: number): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Opens a data directory: the snapshot, then every journal segment from the snapshot's command
 * on, replayed in order. A torn tail of the last segment (a crash mid-write: its commands were
 * never acknowledged) is reported and cut; anything else that would lose or skip acknowledged
 * commands is a {@link DataDirError}. A new directory gets a snapshot of the fresh engine, so it
 * records the instruments and accounts it was created with.
 */
export async function recoverDataDir(options: RecoveryOptions): Promise<Recovery> {
  const { dir, log } = options;
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  await rm(join(dir, SNAPSHOT_TEMP_FILE), { force: true });
  const snapshot = await readSnapshot(dir);
  const segments = await listSegments(dir);
  if (snapshot === undefined) {
    if (segments.length > 0) {
      throw new DataDirError(
        `data dir ${dir} has journal segments (${segments[0]!.path}, ...) but no snapshot.bin: it was not written by this server, or its snapshot was deleted`,
      );
    }
    const engine = options.create();
    await writeSnapshot(dir, { seq: 0, engine: engine.snapshot() });
    return { engine, seq: 0, snapshotSeq: 0, segment: segmentPath(dir, 0), replayed: 0 };
  }
  const engine = options.restore(snapshot.engine);
  for (const stale of segments.filter((s) => s.start < snapshot.seq)) {
    await rm(stale.path);
  }
  const live = segments.filter((s) => s.start >= snapshot.seq);
  let seq = snapshot.seq;
  for (let i = 0; i < live.length; i++) {
    const { start, path } = live[i]!;
    if (start !== seq) {
      throw new DataDirError(
        `journal ${path} starts at command ${start}, but the journal before it ends at command ${seq}: a segment is missing`,
      );
    }
    const scan = scanRecords(await readFile(path));
    for (const [k, payload] of scan.payloads.entries()) {
      let command: Command;
      try {
        command = JSON.parse(payload.toString("utf8")) as Command;
      } catch {
        throw new DataDirError(
          `journal ${path}: record ${k} passes its CRC-32 but is not JSON: the file is damaged`,
        );
      }
      engine.apply(command);
    }
    seq += scan.payloads.length;
    const problem = scan.problem;
    if (problem === undefined) continue;
    // The damaged record comes right after the valid ones: it would have been command `seq`.
    if (problem.kind === "damaged") throw damagedRecordError(path, problem, seq);
    if (problem.kind === "corrupt") {
      throw new DataDirError(
        `journal ${path}: corrupt record at byte ${problem.offset} (${problem.reason}), but valid records follow at byte ${problem.resumesAt}. Refusing to start: replaying past it or cutting it would drop acknowledged commands; restore the data dir from a backup`,
      );
    }
    if (i !== live.length - 1) {
      throw new DataDirError(
        `journal ${path}: torn record at byte ${problem.offset} (${problem.reason}), but a later segment exists (${live[i + 1]!.path}): the file is damaged`,
      );
    }
    log(
      `journal ${path}: torn tail at byte ${problem.offset}: cut ${problem.cut} bytes (${problem.reason}); recovered ${scan.payloads.length} records from this file. The cut bytes were never acknowledged.`,
    );
    await truncate(path, problem.offset);
  }
  const replayed = seq - snapshot.seq;
  const ms = Math.round(performance.now() - started);
  log(
    `recovered ${dir}: snapshot at command ${snapshot.seq} + ${replayed} journal records from ${live.length} segment(s) in ${ms} ms`,
  );
  return {
    engine,
    seq,
    snapshotSeq: snapshot.seq,
    segment: live.length > 0 ? live[live.length - 1]!.path : segmentPath(dir, seq),
    replayed,
  };
}
