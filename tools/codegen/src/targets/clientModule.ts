import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import type { MethodModel } from "../model.js";
import { batchedInterfaceText, batchedTexts, moduleText, scratchText } from "../renderModule.js";
import { transformExample } from "../transform/example.js";
import { methodDoc } from "../transform/method.js";
import { tsImport } from "../ts.js";

function hasRequiredParams(m: MethodModel): boolean {
  return m.params.some((p) => p.required);
}

/** Whether the client sends a method's params as an array: `by-position`, and `either` unless told otherwise. */
export function sendsByPosition(m: MethodModel, eitherParams: "by-position" | "by-name"): boolean {
  return (
    m.paramStructure === "by-position" ||
    (m.paramStructure === "either" && eitherParams === "by-position")
  );
}

/** The params as the transport sends them: the object itself, or an array by position. */
function wireParams(m: MethodModel, byPosition: boolean): string {
  const optional = !hasRequiredParams(m);
  if (!byPosition) return optional ? "params ?? {}" : "params";
  if (m.params.length === 0) return "[]";
  const names = m.params.map((p) => `params${optional ? "?." : ""}[${JSON.stringify(p.name)}]`);
  return `trimTrailingUndefined([${names.join(", ")}])`;
}

const trimHelper = `/** Positional params end at the last one given: a trailing \`undefined\` would be sent as \`null\`. */
function trimTrailingUndefined(list: unknown[]): unknown[] {
  let end = list.length;
  while (end > 0 && list[end - 1] === undefined) end--;
  return list.slice(0, end);
}`;

/**
 * `client.ts`: one function per method (`closePosition(transport, params, options?)`) sending
 * the call through a `Transport` and typed by the spec, and `createMethods(transport)` binding
 * them all.
 */
export function clientModule(ctx: Context): GeneratedFile {
  const types = ctx.methods.flatMap((m) => [m.typeNames.parameters, m.typeNames.returnType]);
  const errorClass = (code: number) => ctx.errors.find((e) => e.code === code)?.className;
  const docs = ctx.methods.map((m) => {
    const example = m.examples.find((e) => e.result) ?? m.examples[0];
    return methodDoc(
      m,
      ctx.options.docsBase,
      example ? transformExample(example, m, errorClass) : undefined,
    );
  });
  const paramsDecl = (m: MethodModel) => ({
    name: "params",
    type: m.typeNames.parameters,
    hasQuestionToken: !hasRequiredParams(m),
  });
  const notifies = ctx.methods.some((m) => m.result === undefined);
  const imports = [
    ...(notifies ? tsImport(["notify"], ctx.options.runtime, false) : []),
    ...tsImport(["CallOptions", "Transport"], ctx.options.runtime),
    ...tsImport(types, "./types.js"),
  ];
  const byPosition = (m: MethodModel) => sendsByPosition(m, ctx.options.eitherParams);
  const indexes = ctx.methods.map((_, i) => i);
  const members = ctx.methods.map(
    (m) => `  ${m.key}: (params, options) => ${m.key}(transport, params, options),`,
  );
  // Functions and interface members go through ts-morph a batch at a time (see batchedTexts).
  const body = [
    ctx.methods.some((m) => byPosition(m) && m.params.length > 0)
      ? scratchText((file) => file.addStatements(trimHelper))
      : "",
    ...batchedTexts(indexes, (file, batch) =>
      file.addFunctions(
        batch.map((i) => {
          const m = ctx.methods[i]!;
          return {
            name: m.key,
            isExported: true,
            docs: [docs[i]!],
            parameters: [
              { name: "transport", type: "Transport" },
              paramsDecl(m),
              { name: "options", type: "CallOptions", hasQuestionToken: true },
            ],
            returnType: `Promise<${m.typeNames.returnType}>`,
            // A method without a result is a notification: sent without an id, nothing awaited.
            statements:
              m.result === undefined
                ? `return notify(transport, ${JSON.stringify(m.name)}, ${wireParams(m, byPosition(m))}, options);`
                : `return transport.request(${JSON.stringify(m.name)}, ${wireParams(m, byPosition(m))}, options) as Promise<${m.typeNames.returnType}>;`,
          };
        }),
      ),
    ),
    batchedInterfaceText(indexes, (file, batch, first) =>
      file.addInterface({
        name: "Methods",
        isExported: first,
        docs: first
          ? [
              "Every method of the spec as a function of its params, bound to one transport (`createMethods`).",
            ]
          : [],
        methods: batch.map((i) => {
          const m = ctx.methods[i]!;
          return {
            name: m.key,
            docs: [docs[i]!],
            parameters: [
              {
                name: "params",
                type: m.typeNames.parameters,
                hasQuestionToken: !hasRequiredParams(m),
              },
              { name: "options", type: "CallOptions", hasQuestionToken: true },
            ],
            returnType: `Promise<${m.typeNames.returnType}>`,
          };
        }),
      }),
    ),
    scratchText((file) =>
      file.addFunction({
        name: "createMethods",
        isExported: true,
        docs: [
          "Binds every method of the spec to `transport`.\n\n@example\n```ts\nconst api = createMethods(transport);\n```",
        ],
        parameters: [{ name: "transport", type: "Transport" }],
        returnType: "Methods",
        statements: `return {\n${members.join("\n")}\n};`,
      }),
    ),
  ];
  return moduleText("client.ts", ctx.options.header, imports, body);
}
