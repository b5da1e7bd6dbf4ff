import { readFileSync } from "node:fs";

/**
 * The process's soft limit on open files (Linux, from `/proc/self/limits`), or undefined where it
 * cannot be read or is unlimited.
 */
export function openFileLimit(
  read: () => string = () => readFileSync("/proc/self/limits", "utf8"),
): number | undefined {
  let text: string;
  try {
    text = read();
  } catch {
    return undefined;
  }
  const m = /^Max open files\s+(\d+)/m.exec(text);
  return m === null ? undefined : Number(m[1]);
}
