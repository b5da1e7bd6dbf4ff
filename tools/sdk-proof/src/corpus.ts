import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One public OpenRPC document of the corpus, from the npm package or repository that publishes it. */
export interface CorpusDocument {
  /** A short, file-safe name: `metamask-openrpc`. */
  readonly name: string;
  /** The npm package and version, or the repository, commit and path, it comes from (see README.md). */
  readonly source: string;
  readonly path: string;
  /** The directory its file `$ref`s start from, when not its own (`unwind-codegen --ref-base`). */
  readonly refBase?: string;
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

const vendored = fileURLToPath(new URL("../corpus/", import.meta.url));
/** Starknet's documents, in the repository's own layout (`corpus/starknet/api/`). */
const starknet = join(vendored, "starknet");
const STARKNET = "starkware-libs/starknet-specs@1e79af61071a77e0031d397e1fbe81e9a0637072";

/**
 * Documents of public repositories that publish none to the npm registry, copied byte for byte
 * into `corpus/` from the commit named (see README.md).
 */
const fromRepositories: readonly CorpusDocument[] = [
  {
    name: "starknet-api",
    source: `${STARKNET} api/starknet_api_openrpc.json`,
    path: join(starknet, "api", "starknet_api_openrpc.json"),
  },
  // These name ./api/starknet_api_openrpc.json from the repository's root, not from api/.
  ...[
    ["starknet-trace", "starknet_trace_api_openrpc"],
    ["starknet-write", "starknet_write_api"],
    ["starknet-ws", "starknet_ws_api"],
  ].map(([name, file]) => ({
    name: name!,
    source: `${STARKNET} api/${file}.json`,
    path: join(starknet, "api", `${file}.json`),
    refBase: starknet,
  })),
  {
    name: "lotus-full",
    source:
      "filecoin-project/lotus@b835fab702ebce57abd7e6d0c3326bbd1e18c008 build/openrpc/full.json",
    path: join(vendored, "lotus-full.json"),
  },
  {
    name: "lotus-gateway",
    source:
      "filecoin-project/lotus@b835fab702ebce57abd7e6d0c3326bbd1e18c008 build/openrpc/gateway.json",
    path: join(vendored, "lotus-gateway.json"),
  },
  {
    name: "execution-apis",
    source:
      "ethereum/execution-apis@033ca6e69da000445840d2060ff47e5e56172a86 refs-openrpc.json (src/**/*.yaml assembled by scripts/assemble-execution-apis.ts)",
    path: join(vendored, "execution-apis.json"),
  },
  {
    name: "sui",
    source:
      "MystenLabs/sui@82e65fb55b4021eac71684fb7c4ede8a7d355ff1 crates/sui-open-rpc/spec/openrpc.json",
    path: join(vendored, "sui.json"),
  },
];

/** Every document of the corpus, in a fixed order. */
export function corpus(): CorpusDocument[] {
  return [
    ...fromPackage("@metamask/api-specs", "0.15.0", "dist/build", "metamask"),
    ...fromPackage("@open-rpc/examples", "1.7.2", "build/service-descriptions", "open-rpc"),
    ...fromRepositories,
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
