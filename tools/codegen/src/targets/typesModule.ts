import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { moduleText } from "../renderModule.js";

/** `types.ts`: every named schema type, and per method `XParameters`, `XReturnType`, `XErrorCode`. */
export function typesModule(ctx: Context): GeneratedFile {
  return moduleText(
    "types.ts",
    ctx.options.header,
    [],
    ctx.typeDeclarations.map((d) => d.text).join("\n\n"),
  );
}
