import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import { batchedInterfaceText, moduleText } from "../renderModule.js";
import { methodDoc } from "../transform/method.js";
import { tsImport } from "../ts.js";

/**
 * `handlers.ts` (server): the `Handlers` interface, one member per method: its params and the
 * request context in, its result (or a promise of it) out. The result may also be a `RawJson` of
 * its type: JSON text a hand-written serializer made, which the runtime sends as it is.
 */
export function handlersModule(ctx: Context): GeneratedFile {
  const types = ctx.methods.flatMap((m) => [m.typeNames.parameters, m.typeNames.returnType]);
  const imports = [
    ...tsImport(["RawJson", "RequestContext"], ctx.options.runtime),
    ...tsImport(types, "./types.js"),
  ];
  // The members go through ts-morph a batch at a time (see batchedInterfaceText).
  const text = batchedInterfaceText(ctx.methods, (file, batch, first) =>
    file.addInterface({
      name: "Handlers",
      isExported: first,
      docs: first
        ? [
            "What a server implements: one member per method of the spec, called with `this` = the handlers object.",
          ]
        : [],
      methods: batch.map((m) => ({
        name: m.key,
        docs: [methodDoc(m, ctx.options.docsBase)],
        parameters: [
          { name: "params", type: m.typeNames.parameters },
          { name: "context", type: "RequestContext" },
        ],
        returnType: resultType(m.typeNames.returnType),
      })),
    }),
  );
  return moduleText("handlers.ts", ctx.options.header, imports, text);
}

/** `R | RawJson<R> | Promise<R | RawJson<R>>`: a result, already serialised or not, now or later. */
function resultType(name: string): string {
  const now = `${name} | RawJson<${name}>`;
  return `${now} | Promise<${now}>`;
}
