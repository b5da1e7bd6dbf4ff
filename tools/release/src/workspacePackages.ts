import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (tools/release/src -> ../../..; the same from dist). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** A workspace package: its directory and its parsed package.json. */
export interface WorkspacePackage {
  dir: string;
  manifest: { name: string; version: string; private?: boolean; [key: string]: unknown };
}

/** Every package of the workspace (spec, packages/*, tools/*, conformance). */
export function workspacePackages(): WorkspacePackage[] {
  const dirs = ["spec", "conformance"];
  for (const parent of ["packages", "tools"]) {
    for (const entry of readdirSync(join(repoRoot, parent)).sort()) dirs.push(join(parent, entry));
  }
  return dirs
    .map((dir) => join(repoRoot, dir))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }));
}

/** The packages users install: every workspace package not marked private. */
export function publishedPackages(): WorkspacePackage[] {
  return workspacePackages().filter((p) => !p.manifest.private);
}
