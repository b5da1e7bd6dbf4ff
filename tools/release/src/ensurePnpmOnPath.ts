import { execFile } from "node:child_process";
import { delimiter, dirname } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * changesets publishes through `pnpm publish`, found on PATH. Under `npx pnpm test` it is there;
 * when a test is run another way, the pinned pnpm is fetched through npx once and its directory
 * put first (a shim running npx on every call cost seconds per pnpm call: changesets makes two
 * per package). Returns the PATH to use.
 */
export async function ensurePnpmOnPath(): Promise<string> {
  const path = process.env.PATH ?? "";
  try {
    await run("pnpm", ["--version"]);
    return path;
  } catch {
    const { stdout } = await run("npx", ["-y", "-p", "pnpm@12.21.0", "-c", "command -v pnpm"]);
    const pnpm = stdout.trim().split("\n").at(-1) ?? "";
    if (!pnpm) throw new Error("npx found no pnpm@12.21.0 binary");
    return `${dirname(pnpm)}${delimiter}${path}`;
  }
}
