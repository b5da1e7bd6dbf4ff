import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** What the last release recorded: the spec version and each method's surface hash. */
export interface RecordedSurface {
  version: string;
  methods: Record<string, string>;
}

/** The package names that the pending changesets in `dir` bump (front matter keys). */
export function pendingChangesetPackages(dir: string): Set<string> {
  const names = new Set<string>();
  if (!existsSync(dir)) return names;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith(".md") || file === "README.md") continue;
    const text = readFileSync(join(dir, file), "utf8");
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    for (const line of front.split(/\r?\n/)) {
      const name = /^\s*["']?([^"':]+)["']?\s*:/.exec(line)?.[1];
      if (name) names.add(name.trim());
    }
  }
  return names;
}

/**
 * Compares the current surface with the one recorded at the last release. Any method whose
 * params, result or errors changed (or that was added or removed) needs a pending changeset for
 * `@unwind/spec`; returns the messages that say which methods and what to run, empty when fine.
 */
export function checkChangeset(
  current: Record<string, string>,
  recorded: RecordedSurface,
  pending: ReadonlySet<string>,
): string[] {
  const changed: string[] = [];
  for (const [name, hash] of Object.entries(current)) {
    if (!(name in recorded.methods)) changed.push(`${name} (added)`);
    else if (recorded.methods[name] !== hash)
      changed.push(`${name} (params, result or errors changed)`);
  }
  for (const name of Object.keys(recorded.methods))
    if (!(name in current)) changed.push(`${name} (removed)`);
  if (changed.length === 0 || pending.has("@unwind/spec")) return [];
  return [
    `the spec's API changed since ${recorded.version} and no changeset bumps @unwind/spec:`,
    ...changed.map((c) => `  - ${c}`),
    "Run `pnpm changeset`, select @unwind/spec (and the generated packages), describe the change, and commit the file.",
  ];
}
