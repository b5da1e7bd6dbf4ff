import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

const SRC = dirname(fileURLToPath(import.meta.url));
/** Tests, their helpers and the bench runner are not part of the engine's module graph. */
const NOT_SOURCE = /\.test\.ts$|\.test-helpers\.ts$|\.test\.kit\.ts$|\.bench\.ts$|\.d\.ts$/;
/** Static imports and re-exports (`import type` included), side-effect imports, `import("...")`. */
const SPECIFIER =
  /^\s*(?:import|export)\s[^;]*?\sfrom\s+["'](\.[^"']+)["']|^\s*import\s+["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/gms;

/** The engine's source files (absolute paths). */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (entry.name.endsWith(".ts") && !NOT_SOURCE.test(entry.name)) out.push(path);
  }
  return out;
}

/** file -> the source files it imports, type-only imports included (they are coupling too). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const deps = new Set<string>();
    for (const m of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const spec = (m[1] ?? m[2] ?? m[3])!;
      const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
      if (known.has(target)) deps.add(target);
    }
    graph.set(file, [...deps]);
  }
  return graph;
}

/** Strongly connected components (Tarjan). */
function components(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      out.push(c);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

test("no import cycle in the engine's sources spans more than two files", () => {
  const files = sources(SRC);
  const graph = importGraph(files);
  const name = (f: string) => relative(SRC, f);
  const tooLarge = components(graph)
    .filter((c) => c.length > 2)
    .sort((a, b) => b.length - a.length)
    .map((c) => {
      const within = new Set(c);
      const edges = [...c].sort().map(
        (f) =>
          `  ${name(f)} -> ${graph
            .get(f)!
            .filter((d) => within.has(d))
            .map(name)
            .join(" ")}`,
      );
      return `${c.length} files, each with the imports that keep it in the cycle:\n${edges.join("\n")}`;
    });
  expect(files.length).toBeGreaterThan(40);
  expect(tooLarge, `import cycles of more than two files:\n${tooLarge.join("\n")}`).toEqual([]);
});
