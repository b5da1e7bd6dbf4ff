import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GeneratedFile, GenerateOptions } from "./GenerateOptions.js";
import { generate } from "./generate.js";

/** The repository root (this file sits in `tools/codegen/src` or `tools/codegen/dist`). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The spec every committed output is generated from, relative to the root. */
export const specPath = "spec/openrpc.json";

/** One generated directory the repository commits. */
export interface CommittedOutput {
  readonly out: string;
  readonly options: GenerateOptions;
}

/**
 * What `pnpm generate` writes. The server's validators ignore undeclared params because the spec
 * says so (`info.description`: "params a method does not declare are ignored").
 */
export const committedOutputs: readonly CommittedOutput[] = [
  {
    out: "packages/server/src/generated",
    options: { target: "server", unknownParams: "ignore", docsBase: "spec/docs" },
  },
  { out: "packages/client/src/generated", options: { target: "client", docsBase: "spec/docs" } },
  { out: "spec/docs", options: { target: "docs" } },
  { out: "packages/engine/src/generated", options: { target: "tables" } },
];

/** The CLI command that regenerates one output, as the headers and the drift messages show it. */
export function commandFor(output: CommittedOutput): string {
  const { target, unknownParams, docsBase } = output.options;
  return [
    `unwind-codegen --spec ${specPath} --target ${target} --out ${output.out}`,
    unknownParams && unknownParams !== "reject" ? ` --unknown-params ${unknownParams}` : "",
    docsBase ? ` --docs-base ${docsBase}` : "",
  ].join("");
}

/** Generates one committed output in memory from the spec on disk. */
export function generateCommitted(output: CommittedOutput, root = repoRoot): GeneratedFile[] {
  const text = readFileSync(join(root, specPath), "utf8");
  return generate(JSON.parse(text), {
    ...output.options,
    specText: text,
    specName: basename(specPath),
  });
}
