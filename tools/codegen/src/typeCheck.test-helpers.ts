import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Project, ts } from "ts-morph";
import type { GeneratedFile } from "./GenerateOptions.js";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** One generated target to type-check, with the runtime stubs of its package beside it. */
export interface CheckedOutput {
  readonly name: string;
  readonly target: "server" | "client";
  readonly files: readonly GeneratedFile[];
}

/** The JSON documents of `@open-rpc/examples`, by file name. */
export function openRpcExamples(): { name: string; document: unknown }[] {
  const dir = fileURLToPath(
    new URL("../node_modules/@open-rpc/examples/build/service-descriptions/", import.meta.url),
  );
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ""),
      document: JSON.parse(readFileSync(join(dir, f), "utf8")),
    }));
}

/** The generator's own edge-case documents (`fixtures/documents`). */
export function fixtureDocuments(): { name: string; text: string; document: unknown }[] {
  const dir = join(fixtures, "documents");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), "utf8");
      return { name: f.replace(/\.json$/, ""), text, document: JSON.parse(text) };
    });
}

/**
 * Type-checks generated outputs in one in-memory TypeScript program (strict, nodenext, as the
 * packages compile) with the runtime stubs of `fixtures/runtime/<target>` as
 * `@unwind/<target>/runtime`, and each output's `usage.ts` beside it.
 * Returns one line per diagnostic.
 */
export function typeCheck(outputs: readonly CheckedOutput[]): string[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2023.d.ts"],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noUnusedLocals: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      noEmit: true,
      // Generated code imports its runtime by package name; here that name is the stubs.
      paths: {
        "@unwind/client/runtime": ["/runtime/client/index.ts"],
        "@unwind/server/runtime": ["/runtime/server/index.ts"],
      },
    },
  });
  project.createSourceFile("/package.json", '{ "type": "module" }');
  for (const target of ["client", "server"]) {
    const stubs = join(fixtures, "runtime", target);
    for (const stub of readdirSync(stubs).filter((s) => s !== "usage.ts"))
      project.createSourceFile(
        `/runtime/${target}/${stub}`,
        readFileSync(join(stubs, stub), "utf8"),
      );
  }
  for (const output of outputs) {
    const root = `/checks/${output.name}/${output.target}`;
    const usage = join(fixtures, "runtime", output.target, "usage.ts");
    project.createSourceFile(`${root}/runtime/usage.ts`, readFileSync(usage, "utf8"));
    for (const file of output.files)
      project.createSourceFile(`${root}/generated/${file.path}`, file.content);
  }
  return project.getPreEmitDiagnostics().map((d) => {
    const file = d.getSourceFile();
    const line =
      file && d.getStart() !== undefined ? file.getLineAndColumnAtPos(d.getStart()!).line : 0;
    const text = d.getMessageText();
    const message =
      typeof text === "string" ? text : ts.flattenDiagnosticMessageText(text.compilerObject, "\n");
    return `${file?.getFilePath() ?? "(global)"}:${line}: TS${d.getCode()} ${message}`;
  });
}
