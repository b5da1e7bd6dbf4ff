import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { renderModule } from "../renderModule.js";
import { tsReexport } from "../ts.js";

/** The exported names of a module: which are values, which only types. */
export interface ModuleExports {
  readonly from: string;
  readonly values: readonly string[];
  readonly types: readonly string[];
}

/** The names `types.ts` declares, in order. */
export function typeNames(ctx: Context): string[] {
  return ctx.typeDeclarations.map((d) => d.name);
}

/** `index.ts`: every export of the target's modules, listed by name (no `export *`). */
export function indexModule(ctx: Context, modules: readonly ModuleExports[]): GeneratedFile {
  const exports = modules.flatMap((m) => [
    ...tsReexport(m.values, m.from, false),
    ...tsReexport(m.types, m.from, true),
  ]);
  return renderModule("index.ts", ctx.options.header, exports, () => {});
}
