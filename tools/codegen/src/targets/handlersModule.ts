import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { renderModule } from "../renderModule.js";
import { methodDoc } from "../transform/method.js";
import { tsImport } from "../ts.js";

/**
 * `handlers.ts` (server): the `Handlers` interface, one member per method: its params and the
 * request context in, its result (or a promise of it) out.
 */
export function handlersModule(ctx: Context): GeneratedFile {
  const types = ctx.methods.flatMap((m) => [m.typeNames.parameters, m.typeNames.returnType]);
  const imports = [
    ...tsImport(["RequestContext"], "../runtime/RequestContext.js"),
    ...tsImport(types, "./types.js"),
  ];
  return renderModule("handlers.ts", ctx.options.header, imports, (file) => {
    file.addInterface({
      name: "Handlers",
      isExported: true,
      docs: [
        "What a server implements: one member per method of the spec, called with `this` = the handlers object.",
      ],
      methods: ctx.methods.map((m) => ({
        name: m.key,
        docs: [methodDoc(m, ctx.options.docsBase)],
        parameters: [
          { name: "params", type: m.typeNames.parameters },
          { name: "context", type: "RequestContext" },
        ],
        returnType: `${m.typeNames.returnType} | Promise<${m.typeNames.returnType}>`,
      })),
    });
  });
}
