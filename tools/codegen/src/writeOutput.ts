import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isGenerated, ownedFiles } from "./compareOutput.js";
import type { GeneratedFile } from "./GenerateOptions.js";

/**
 * Writes the files under `dir` (only those whose content changed) and removes earlier generated
 * files (recognised by their header) that the generator no longer writes. Other files are kept
 * and returned, so the caller can warn about them.
 */
export function writeOutput(
  files: readonly GeneratedFile[],
  dir: string,
): { written: string[]; removed: string[]; foreign: string[] } {
  const written: string[] = [];
  const removed: string[] = [];
  const foreign: string[] = [];
  const expected = new Set(files.map((f) => f.path));
  for (const path of ownedFiles(files, dir)) {
    if (expected.has(path)) continue;
    const full = join(dir, path);
    if (isGenerated(full)) {
      rmSync(full);
      removed.push(path);
    } else {
      foreign.push(path);
    }
  }
  for (const file of files) {
    const full = join(dir, file.path);
    if (existsSync(full) && readFileSync(full, "utf8") === file.content) continue;
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, file.content);
    written.push(file.path);
  }
  return { written, removed, foreign };
}
