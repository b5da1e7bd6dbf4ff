import type { ts } from "ts-morph";
import type { MethodModel } from "../model.js";
import { docEscape, tsDeclaration, tsKeyword, tsLiteral, tsObject, tsRef, tsUnion } from "../ts.js";
import { transformContentDescriptor } from "./contentDescriptor.js";
import { type SchemaScope, transformSchema } from "./schema.js";

/**
 * A method's types: `XParameters` (one by-name object of its params), `XReturnType` (its result,
 * `void` when it has none) and `XErrorCode` (the union of the codes it declares).
 */
export function transformMethod(method: MethodModel, scope: SchemaScope): ts.Statement[] {
  const { parameters, returnType, errorCode } = method.typeNames;
  const prefix = parameters.slice(0, -"Parameters".length);
  const members = method.params.map((p) =>
    transformContentDescriptor(p.descriptor, scope, `${prefix}Params`),
  );
  const paramsType =
    members.length === 0
      ? tsRef("Record", [tsKeyword("string"), tsKeyword("never")])
      : tsObject(members);
  const result = method.result
    ? transformSchema(method.result.schema ?? true, scope, `${prefix}Result`)
    : tsKeyword("void");
  const codes = tsUnion(method.errors.map((e) => tsLiteral(e.code)));
  const name = `\`${docEscape(method.name)}\``;
  return [
    tsDeclaration(parameters, paramsType, `The params of ${name}, by name.`),
    tsDeclaration(returnType, result, `The result of ${name}.`),
    tsDeclaration(errorCode, codes, `The error codes ${name} declares.`),
  ];
}

/** Where the Markdown page of a method is, for `@see`: a URL, or a path as text. */
export function methodLink(method: MethodModel, docsBase: string | undefined): string | undefined {
  const external = method.method.externalDocs?.url;
  if (external) return `{@link ${external}}`;
  if (docsBase === undefined) return undefined;
  const target = `${docsBase.replace(/\/+$/, "")}/${method.docPage}`;
  return /^[a-z]+:\/\//i.test(target) ? `{@link ${target}}` : target;
}

/**
 * The TSDoc of a method: summary, description, auth, the spec link, the errors it declares
 * (`@throws`) and, for the client, the first example as `@example`.
 */
export function methodDoc(
  method: MethodModel,
  docsBase: string | undefined,
  example?: string,
): string {
  const parts: string[] = [];
  const summary = method.method.summary?.trim();
  const description = method.method.description?.trim();
  parts.push(docEscape(summary || `Calls \`${method.name}\`.`));
  if (description && description !== summary) parts.push(docEscape(description));
  const facts = [`JSON-RPC method \`${docEscape(method.name)}\``];
  if (method.auth.private)
    facts.push(`private${method.auth.scope ? ` (scope \`${docEscape(method.auth.scope)}\`)` : ""}`);
  if (method.matchingEngine) facts.push("goes through the matching engine");
  parts.push(`${facts.join("; ")}.`);
  const tags: string[] = [];
  const link = methodLink(method, docsBase);
  if (link) tags.push(`@see ${docEscape(link)}`);
  for (const e of method.errors)
    tags.push(`@throws ${e.className} \`${e.code}\` ${docEscape(e.message)}`);
  if (method.method.deprecated === true) tags.push("@deprecated");
  if (example) tags.push(`@example\n${docEscape(example)}`);
  if (tags.length > 0) parts.push(tags.join("\n"));
  return parts.join("\n\n");
}
