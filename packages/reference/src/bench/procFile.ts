import { readFileSync } from "node:fs";

/** The text of `/proc/<pid>/<name>`; undefined where there is no such file (not Linux, or the process is gone). */
export function procFile(pid: number, name: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${name}`, "utf8");
  } catch {
    return undefined;
  }
}
