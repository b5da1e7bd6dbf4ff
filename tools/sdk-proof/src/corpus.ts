import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One public OpenRPC document of the corpus, read from the npm package that publishes it. */
export interface CorpusDocument {
  /** A short, file-safe name: `metamask-openrpc`. */
  readonly name: string;
  /** The npm package and version it comes from (see README.md). */
  readonly source: string;
  readonly path: string;
}

const modules = fileURLToPath(new URL("../node_modules/", import.meta.url));

function fromPackage(pkg: string, version: string, dir: string, prefix: string): CorpusDocument[] {
  const folder = join(modules, pkg, dir);
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      name: `${prefix}-${f.replace(/\.json$/, "").replace(/-openrpc$/, "")}`,
      source: `${pkg}@${version}`,
      path: join(folder, f),
    }));
}

/** Every document of the corpus, in a fixed order. */
export function corpus(): CorpusDocument[] {
  return [
    ...fromPackage("@metamask/api-specs", "0.15.0", "dist/build", "metamask"),
    ...fromPackage("@open-rpc/examples", "1.7.2", "build/service-descriptions", "open-rpc"),
  ];
}

/** The corpus document named so; throws naming the known ones otherwise. */
export function corpusDocument(name: string): CorpusDocument {
  const all = corpus();
  const found = all.find((d) => d.name === name);
  if (!found)
    throw new Error(
      `no corpus document ${name}. Expected one of ${all.map((d) => d.name).join(", ")}.`,
    );
  return found;
}

export const corpusDir = dirname(modules);
