import { join } from "node:path";

/** The current snapshot. */
export const SNAPSHOT_FILE = "snapshot.bin";
/** A snapshot being written; renamed over {@link SNAPSHOT_FILE} once durable. */
export const SNAPSHOT_TEMP_FILE = "snapshot.tmp";

const SEGMENT = /^journal-([0-9]{16})\.log$/;

/** The journal segment whose first record is command number `seq` (0-based, since the data dir began). */
export function segmentPath(dir: string, seq: number): string {
  return join(dir, `journal-${String(seq).padStart(16, "0")}.log`);
}

/** The first command number of a segment file name, or undefined for other files. */
export function segmentStart(name: string): number | undefined {
  const m = SEGMENT.exec(name);
  return m === null ? undefined : Number(m[1]);
}
