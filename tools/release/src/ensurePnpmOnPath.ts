import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

/**
 * changesets publishes through `pnpm publish`, found on PATH. Under `npx pnpm test` it is there;
 * when a test is run another way, a shim that runs the pinned pnpm through npx is put first.
 * Returns the PATH to use.
 */
export async function ensurePnpmOnPath(): Promise<string> {
  const path = process.env.PATH ?? "";
  try {
    await promisify(execFile)("pnpm", ["--version"]);
    return path;
  } catch {
    const dir = mkdtempSync(join(tmpdir(), "unwind-pnpm-"));
    const shim = join(dir, "pnpm");
    writeFileSync(shim, '#!/bin/sh\nexec npx -y pnpm@12.21.0 "$@"\n');
    chmodSync(shim, 0o755);
    return `${dir}${delimiter}${path}`;
  }
}
