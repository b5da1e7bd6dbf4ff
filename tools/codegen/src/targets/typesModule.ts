import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { moduleText, nodesText } from "../renderModule.js";

/** `types.ts`: every named schema type, and per method `XParameters`, `XReturnType`, `XErrorCode`. */
export function typesModule(ctx: Context): GeneratedFile {
  return moduleText(
    "types.ts",
    ctx.options.header,
    [],
    nodesText(ctx.typeDeclarations.map((d) => d.statement)),
  );
}
