import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { addNodes, renderModule } from "../renderModule.js";

/** `types.ts`: every named schema type, and per method `XParameters`, `XReturnType`, `XErrorCode`. */
export function typesModule(ctx: Context): GeneratedFile {
  return renderModule("types.ts", ctx.options.header, [], (file) =>
    addNodes(
      file,
      ctx.typeDeclarations.map((d) => d.statement),
    ),
  );
}
