import { procFile } from "./procFile.js";

/** A process's write system calls and the bytes they wrote, so far. */
export interface ProcessWrites {
  /** `write`-family system calls (`syscw`: write, writev and the like). */
  calls: number;
  /** Bytes passed to them (`wchar`), to files and sockets alike. */
  bytes: number;
}

/** The write calls of a process so far, from `/proc/<pid>/io`; undefined where there is no such file. */
export function processWrites(pid: number): ProcessWrites | undefined {
  const io = procFile(pid, "io");
  if (io === undefined) return undefined;
  const calls = Number(/^syscw: (\d+)$/m.exec(io)?.[1]);
  const bytes = Number(/^wchar: (\d+)$/m.exec(io)?.[1]);
  return Number.isFinite(calls) && Number.isFinite(bytes) ? { calls, bytes } : undefined;
}
