import type { Schema } from "../document.js";
import type { MethodModel } from "../model.js";

/** The URI the document's components are registered under for ajv. */
export const documentId = "openrpc:document";

const componentRef = /^#\/components\/schemas\/([^/]+)$/;

/**
 * The URI one component schema is registered under on its own, so every method's `$ref` to it
 * calls one compiled function (a ref into the document root was compiled again per method).
 */
export function componentId(pointerSegment: string): string {
  const key = decodeURIComponent(pointerSegment).replace(/~1/g, "/").replace(/~0/g, "~");
  return `openrpc:schemas/${encodeURIComponent(key)}`;
}

const annotations = new Set([
  "title",
  "description",
  "examples",
  "$comment",
  "deprecated",
  "readOnly",
  "writeOnly",
  "default",
]);
const schemaMaps = new Set([
  "properties",
  "patternProperties",
  "definitions",
  "$defs",
  "dependentSchemas",
]);
const schemaLists = new Set(["anyOf", "oneOf", "allOf", "prefixItems"]);
const schemaValues = new Set([
  "additionalProperties",
  "additionalItems",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
]);

/**
 * A schema as ajv compiles it: annotations dropped (they would only bloat the generated code),
 * local `$ref`s made absolute against the document, and `$ref`s that point outside the document
 * replaced by `true` (such values are not checked).
 */
export function validatorSchema(schema: Schema, resolvable: (ref: string) => boolean): Schema {
  if (typeof schema !== "object" || schema === null) return schema;
  if (typeof schema.$ref === "string") {
    if (!resolvable(schema.$ref)) return true;
    const component = componentRef.exec(schema.$ref);
    return { $ref: component ? componentId(component[1]!) : `${documentId}${schema.$ref}` };
  }
  const out: Record<string, unknown> = {};
  const sub = (s: unknown) => validatorSchema(s as Schema, resolvable);
  for (const [key, value] of Object.entries(schema)) {
    if (annotations.has(key) || key === "$id" || key === "$schema" || key === "nullable") continue;
    if (schemaMaps.has(key) && typeof value === "object" && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sub(v)]));
    } else if (schemaLists.has(key) && Array.isArray(value)) {
      out[key] = value.map(sub);
    } else if (key === "items") {
      out[key] = Array.isArray(value) ? value.map(sub) : sub(value);
    } else if (schemaValues.has(key)) {
      out[key] = sub(value);
    } else if (key === "type" && schema.nullable === true && typeof value === "string") {
      out[key] = [value, "null"];
    } else {
      out[key] = value;
    }
  }
  return out as Schema;
}

/** The schema of a method's by-name params object. */
export function paramsSchema(
  method: MethodModel,
  unknownParams: "reject" | "ignore",
  resolvable: (ref: string) => boolean,
): Schema {
  const schema: Record<string, unknown> = {
    type: "object",
    properties: Object.fromEntries(
      method.params.map((p) => [p.name, validatorSchema(p.schema, resolvable)]),
    ),
  };
  const required = method.params.filter((p) => p.required).map((p) => p.name);
  if (required.length > 0) schema["required"] = required;
  if (unknownParams === "reject") schema["additionalProperties"] = false;
  return schema as Schema;
}
