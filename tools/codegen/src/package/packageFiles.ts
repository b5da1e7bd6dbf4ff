import type { Context } from "../context.js";
import { type GeneratedFile, runtimeRange } from "../GenerateOptions.js";
import { packageReadme } from "./packageReadme.js";

const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** The TypeScript the generated package builds with (the generator's own toolchain). */
export const typescriptVersion = "7.0.2";

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * A whole package around a target's files: the code under `src/`, and `package.json` (exports,
 * types, the runtime as a dependency, `build`), `tsconfig.json` and `README.md`, so that
 * `npm install && npm run build` works in a fresh directory.
 */
export function packageFiles(ctx: Context, files: readonly GeneratedFile[]): GeneratedFile[] {
  const pkg = ctx.options.package!;
  const target = ctx.options.target === "server" ? "server" : "client";
  const runtimePackage = ctx.options.runtime.replace(/\/runtime$/, "");
  const info = ctx.document.info;
  const manifest = {
    name: pkg.name,
    version: pkg.version ?? (semver.test(info.version) ? info.version : "0.1.0"),
    description: `Typed ${target} for ${info.title} ${info.version}, generated from its OpenRPC document by unwind-codegen.`,
    type: "module",
    exports: {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./package.json": "./package.json",
    },
    types: "./dist/index.d.ts",
    files: ["dist", "README.md"],
    scripts: { build: "tsc -p tsconfig.json", prepack: "npm run build" },
    dependencies: { [runtimePackage]: pkg.runtimeVersion ?? runtimeRange },
    devDependencies: { "@types/node": "^20.19.0", typescript: typescriptVersion },
  };
  const tsconfig = {
    compilerOptions: {
      target: "es2022",
      lib: ["es2023"],
      module: "nodenext",
      moduleResolution: "nodenext",
      types: ["node"],
      strict: true,
      declaration: true,
      sourceMap: true,
      skipLibCheck: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      rootDir: "src",
      outDir: "dist",
    },
    include: ["src"],
  };
  return [
    { path: "package.json", content: json(manifest) },
    { path: "tsconfig.json", content: json(tsconfig) },
    { path: "README.md", content: packageReadme(ctx) },
    ...files.map((f) => ({ path: `src/${f.path}`, content: f.content })),
  ];
}
