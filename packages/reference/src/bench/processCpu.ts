import { procFile } from "./procFile.js";

/** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every mainstream platform). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, microseconds) a process has used so far, from `/proc/<pid>/stat`;
 * undefined where there is no such file (not Linux, or the process is gone). Resolution: 10 ms.
 */
export function processCpuMicros(pid: number): number | undefined {
  const stat = procFile(pid, "stat");
  if (stat === undefined) return undefined;
  // Fields after the parenthesised command name (which may hold spaces): utime is the 12th
  // after it, stime the 13th (fields 14 and 15 of proc(5)).
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? (ticks * 1_000_000) / TICKS_PER_SECOND : undefined;
}
