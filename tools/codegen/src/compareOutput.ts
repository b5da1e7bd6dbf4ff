import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedFile } from "./GenerateOptions.js";

/** How the files on disk differ from what the generator would write. */
export interface OutputDrift {
  /** On disk with other content. */
  readonly stale: string[];
  /** Not on disk. */
  readonly missing: string[];
  /** On disk, but the generator would not write them. */
  readonly extra: string[];
}

/** Every file under `dir`, relative, with `/` separators, sorted; `node_modules` and dot-directories skipped. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(path);
      } else if (entry.isFile()) out.push(path);
    }
  };
  walk("");
  return out.sort();
}

/**
 * The files under `dir` the generator answers for: all of them, or for a package (`--package`)
 * only those under `src/` (its `dist/`, lock file and anything else are the package's own).
 */
export function ownedFiles(files: readonly GeneratedFile[], dir: string): string[] {
  const all = listFiles(dir);
  return files.some((f) => f.path === "package.json")
    ? all.filter((p) => p.startsWith("src/"))
    : all;
}

/** Compares generated files with the contents of `dir`. */
export function compareOutput(files: readonly GeneratedFile[], dir: string): OutputDrift {
  const drift: OutputDrift = { stale: [], missing: [], extra: [] };
  const expected = new Set(files.map((f) => f.path));
  for (const file of files) {
    const path = join(dir, file.path);
    if (!existsSync(path)) drift.missing.push(file.path);
    else if (readFileSync(path, "utf8") !== file.content) drift.stale.push(file.path);
  }
  drift.extra.push(...ownedFiles(files, dir).filter((p) => !expected.has(p)));
  return drift;
}

/** Whether the drift is empty. */
export function isUpToDate(drift: OutputDrift): boolean {
  return drift.stale.length + drift.missing.length + drift.extra.length === 0;
}

/** One line per differing file: `stale   types.ts`. */
export function describeDrift(drift: OutputDrift): string[] {
  return [
    ...drift.stale.map((p) => `stale    ${p}`),
    ...drift.missing.map((p) => `missing  ${p}`),
    ...drift.extra.map((p) => `extra    ${p} (the generator would not write it)`),
  ];
}
