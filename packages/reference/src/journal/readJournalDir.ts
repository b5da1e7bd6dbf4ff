import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "@unwind/engine";
import { segmentStart } from "./dataDirFiles.js";
import { type ScanProblem, scanRecords } from "./scanRecords.js";
import { readSnapshot, type SnapshotRecord } from "./snapshotFile.js";

/** A data dir read without changing it: the snapshot and the commands of every segment after it. */
export interface JournalDirContent {
  readonly snapshot: SnapshotRecord | undefined;
  /** Commands from the snapshot's on, in order (valid prefixes only). */
  readonly commands: Command[];
  /** What ended a segment early, by file. */
  readonly problems: { path: string; problem: ScanProblem }[];
}

/**
 * Reads a data dir as recovery would, but changes nothing and stops at nothing: for tools and
 * tests that replay a journal independently of the server.
 */
export async function readJournalDir(dir: string): Promise<JournalDirContent> {
  const snapshot = await readSnapshot(dir);
  const from = snapshot?.seq ?? 0;
  const names = (await readdir(dir))
    .map((name) => ({ name, start: segmentStart(name) }))
    .filter((s): s is { name: string; start: number } => s.start !== undefined && s.start >= from)
    .sort((a, b) => a.start - b.start);
  const commands: Command[] = [];
  const problems: JournalDirContent["problems"] = [];
  for (const { name } of names) {
    const path = join(dir, name);
    const scan = scanRecords(await readFile(path));
    for (const payload of scan.payloads) commands.push(JSON.parse(payload.toString("utf8")));
    if (scan.problem !== undefined) problems.push({ path, problem: scan.problem });
  }
  return { snapshot, commands, problems };
}
