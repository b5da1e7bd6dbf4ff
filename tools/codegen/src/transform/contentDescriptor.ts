import type { ContentDescriptor, Schema } from "../document.js";
import { pascalCase } from "../names.js";
import { docEscape, type Member, tsProperty } from "../ts.js";
import { type SchemaScope, schemaDoc, transformSchema } from "./schema.js";

/** The TSDoc of a content descriptor: summary, description, `@deprecated`. */
export function contentDescriptorDoc(descriptor: ContentDescriptor): string | undefined {
  const lines: string[] = [];
  const text = descriptor.description ?? descriptor.summary ?? schemaDoc(descriptor.schema);
  if (text)
    lines.push(descriptor.description || descriptor.summary ? docEscape(text.trim()) : text);
  if (descriptor.deprecated === true) lines.push("@deprecated");
  return lines.length === 0 ? undefined : lines.join("\n\n");
}

/**
 * A param (a content descriptor) as a member of the method's by-name params type: optional
 * unless `required`, typed by its schema, documented by its description.
 */
export function transformContentDescriptor(
  descriptor: ContentDescriptor & { schema?: Schema },
  scope: SchemaScope,
  path: string,
): Member {
  const type = transformSchema(
    descriptor.schema ?? true,
    scope,
    path + pascalCase(descriptor.name),
  );
  return tsProperty(descriptor.name, type, {
    optional: descriptor.required !== true,
    doc: contentDescriptorDoc(descriptor),
  });
}

/** How a GET query value of a param is coerced (`ParamKind` of the server runtime). */
export type ParamKind = "string" | "integer" | "number" | "boolean" | "decimal" | "json";

type Resolve = (ref: string) => Schema | undefined;

function jsonTypes(schema: Schema, resolve: Resolve, depth: number): Set<string> {
  const any = new Set(["any"]);
  if (depth > 16 || schema === true) return any;
  if (schema === false) return new Set();
  if (typeof schema.$ref === "string") {
    const target = resolve(schema.$ref);
    return target === undefined ? any : jsonTypes(target, resolve, depth + 1);
  }
  const valueType = (v: unknown) =>
    v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;
  let own: Set<string> | undefined;
  if ("const" in schema) own = new Set([valueType(schema.const)]);
  else if (Array.isArray(schema.enum)) own = new Set(schema.enum.map(valueType));
  else if (typeof schema.type === "string") own = new Set([schema.type]);
  else if (Array.isArray(schema.type)) own = new Set(schema.type as string[]);
  else if (schema.properties || schema.additionalProperties !== undefined)
    own = new Set(["object"]);
  else if (schema.items !== undefined || schema.prefixItems) own = new Set(["array"]);
  if (own && schema.nullable === true) own.add("null");
  const branches = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (branches.length > 0) {
    const union = new Set(branches.flatMap((b) => [...jsonTypes(b, resolve, depth + 1)]));
    own =
      own && !union.has("any")
        ? new Set([...own].filter((t) => union.has(t) || (t === "number" && union.has("integer"))))
        : (own ?? union);
  }
  for (const part of schema.allOf ?? []) {
    const types = jsonTypes(part, resolve, depth + 1);
    if (!types.has("any")) own = own ? new Set([...own].filter((t) => types.has(t))) : types;
  }
  return own ?? any;
}

/**
 * A param's kind, from its schema with `$ref`s followed: one JSON type maps to itself (`integer`,
 * `number`, `boolean`, `string`); a string-or-number union is `decimal`; anything else
 * (objects, arrays, other unions, `null`, no type) is `json`.
 */
export function contentDescriptorKind(schema: Schema, resolve: Resolve): ParamKind {
  const types = jsonTypes(schema, resolve, 0);
  if (types.size === 1) {
    const [only] = types;
    if (only === "string" || only === "integer" || only === "number" || only === "boolean")
      return only;
  }
  if (
    types.has("string") &&
    (types.has("number") || types.has("integer")) &&
    [...types].every((t) => ["string", "number", "integer"].includes(t))
  ) {
    return "decimal";
  }
  if (types.size === 2 && types.has("integer") && types.has("number")) return "number";
  return "json";
}
