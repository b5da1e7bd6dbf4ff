import { ts } from "ts-morph";
import type { Context } from "../context.js";
import type { Schema } from "../document.js";
import { transformSchema } from "../transform/schema.js";
import { printCompact } from "../ts.js";
import { anchor, code, relativeLink } from "./markdown.js";

const indexes = new WeakMap<
  Context,
  { named: ReadonlySet<string>; byName: ReadonlyMap<string, Context["typeDeclarations"][number]> }
>();

/**
 * The declarations of a context by name, and the names of those from a schema; built once per
 * context (building them per link made the docs target quadratic in the number of methods).
 */
export function declarationsOf(ctx: Context) {
  let index = indexes.get(ctx);
  if (!index) {
    index = {
      named: new Set(ctx.typeDeclarations.filter((d) => d.schema !== undefined).map((d) => d.name)),
      byName: new Map(ctx.typeDeclarations.map((d) => [d.name, d])),
    };
    indexes.set(ctx, index);
  }
  return index;
}

/** The schemas page, relative to the docs directory. */
export const schemasPage = "schemas.md";

/** A link to a named type on the schemas page, from `fromPage`. */
export function namedTypeLink(name: string, fromPage: string): string {
  return `[${code(name)}](${relativeLink(fromPage, schemasPage)}#${anchor(name)})`;
}

/**
 * A schema's type for a Markdown table: a link when it is a named type (or an array of one),
 * else its TypeScript text in a code span.
 */
export function typeLink(ctx: Context, schema: Schema, path: string, fromPage: string): string {
  const node = transformSchema(schema, ctx, path);
  const named = declarationsOf(ctx).named;
  const refName = (n: ts.TypeNode) =>
    ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName) && named.has(n.typeName.text)
      ? n.typeName.text
      : undefined;
  const direct = refName(node);
  if (direct) return namedTypeLink(direct, fromPage);
  if (ts.isArrayTypeNode(node)) {
    const element = refName(node.elementType);
    if (element) return `${namedTypeLink(element, fromPage)}[]`;
  }
  return code(printCompact(node));
}
