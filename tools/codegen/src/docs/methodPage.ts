import { ts } from "ts-morph";
import type { Context } from "../context.js";
import type { GeneratedFile } from "../GenerateOptions.js";
import type { ExampleModel, MethodModel } from "../model.js";
import { exampleParams } from "../transform/example.js";
import { printSnippet } from "../ts.js";
import { cell, code, fence, page, prettyJson, prose, relativeLink, table } from "./markdown.js";
import { declarationsOf, typeLink } from "./typeLink.js";

function authText(method: MethodModel): string {
  if (!method.auth.private) return "public";
  return method.auth.scope ? `private, scope ${code(method.auth.scope)}` : "private";
}

function exampleSection(example: ExampleModel, method: MethodModel, index: number): string {
  const id = index + 1;
  const request = {
    jsonrpc: "2.0",
    id,
    method: method.name,
    params: exampleParams(example, method),
  };
  const response = example.error
    ? { jsonrpc: "2.0", id, error: example.error }
    : { jsonrpc: "2.0", id, result: example.result?.value ?? null };
  const title = example.name ?? `Example ${id}`;
  return [
    `### ${title}${example.error ? ` (error ${example.error.code})` : ""}`,
    example.summary,
    prose(example.description),
    "Request:",
    fence("json", prettyJson(request)),
    example.result || example.error ? "Response:" : "No response (a notification).",
    example.result || example.error ? fence("json", prettyJson(response)) : undefined,
  ]
    .filter((s): s is string => typeof s === "string" && s.trim() !== "")
    .join("\n\n");
}

/** The declaration that shows a result: the named type it refers to, else `XReturnType` itself. */
function resultTypeDeclaration(ctx: Context, method: MethodModel) {
  const { byName } = declarationsOf(ctx);
  const own = byName.get(method.typeNames.returnType);
  if (!own?.statement || !ts.isTypeAliasDeclaration(own.statement)) return own;
  const type = own.statement.type;
  const target =
    ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
  const found = target === undefined ? undefined : byName.get(target);
  return found?.schema !== undefined ? found : own;
}

/** One method's page: summary, description, auth, params, result, errors and examples. */
export function methodPage(ctx: Context, method: MethodModel): GeneratedFile {
  const from = method.docPage;
  const m = method.method;
  const prefix = method.typeNames.parameters.slice(0, -"Parameters".length);
  const facts = table(
    ["", ""],
    [
      ["Auth", authText(method)],
      ["Matching engine", method.matchingEngine ? "yes" : "no"],
      ...(method.tags.length > 0 ? [["Tags", cell(method.tags.join(", "))]] : []),
      ["Params", method.paramStructure],
      ...(m.deprecated ? [["Deprecated", "yes"]] : []),
    ],
  );
  const params =
    method.params.length === 0
      ? "None."
      : table(
          ["Name", "Type", "Required", "Description"],
          method.params.map((p) => [
            code(p.name),
            cell(typeLink(ctx, p.schema, `${prefix}Params${p.name}`, from)),
            p.required ? "yes" : "no",
            cell(p.descriptor.description ?? p.descriptor.summary),
          ]),
        );
  const resultDeclaration = method.result ? resultTypeDeclaration(ctx, method) : undefined;
  const result = method.result
    ? [
        `${code(method.result.name)}: ${typeLink(ctx, method.result.schema ?? true, `${prefix}Result`, from)}`,
        prose(method.result.description),
        resultDeclaration?.statement
          ? fence("ts", printSnippet(resultDeclaration.statement))
          : undefined,
      ]
        .filter(Boolean)
        .join("\n\n")
    : "None: the method is a notification.";
  const errors =
    method.errors.length === 0
      ? "None declared."
      : table(
          ["Code", "Message", "Class"],
          method.errors.map((e) => [code(String(e.code)), cell(e.message), code(e.className)]),
        );
  return {
    path: method.docPage,
    content: page(ctx.options.header, [
      `# ${code(method.name)}`,
      m.summary ? `> ${m.summary.trim().replace(/\n/g, "\n> ")}` : undefined,
      prose(m.description),
      facts,
      `## Params\n\n${params}`,
      `## Result\n\n${result}`,
      `## Errors\n\n${errors}`,
      method.examples.length > 0
        ? `## Examples\n\n${method.examples.map((e, i) => exampleSection(e, method, i)).join("\n\n")}`
        : undefined,
      `[All methods](${relativeLink(from, "README.md")}) · [Schemas](${relativeLink(from, "schemas.md")})`,
    ]),
  };
}
