import type { ts } from "ts-morph";
import type { Schema, SchemaObject } from "../document.js";
import { pascalCase } from "../names.js";
import { TypeRegistry } from "../TypeRegistry.js";
import {
  docEscape,
  type Member,
  type TypeNode,
  tsArray,
  tsDeclaration,
  tsIndexSignature,
  tsIntersection,
  tsKeyword,
  tsLiteral,
  tsObject,
  tsProperty,
  tsRef,
  tsTuple,
  tsUnion,
} from "../ts.js";

/** What the schema transform needs from the context. */
export interface SchemaScope {
  readonly types: TypeRegistry;
}

/** The longest fixed-length array (`minItems` = `maxItems`) written as a tuple. */
const maxFixedTuple = 8;

/** The TSDoc of a schema: its description, and `@deprecated` / `@defaultValue` when set. */
export function schemaDoc(
  schema: Schema | undefined,
  description = typeof schema === "object" ? schema.description : undefined,
): string | undefined {
  const lines: string[] = [];
  if (description) lines.push(docEscape(description.trim()));
  if (typeof schema === "object") {
    if (schema.default !== undefined)
      lines.push(`@defaultValue \`${docEscape(JSON.stringify(schema.default))}\``);
    if (schema.deprecated === true) lines.push("@deprecated");
  }
  return lines.length === 0 ? undefined : lines.join("\n\n");
}

/**
 * A schema where it is used: a reference to its named type when it has one (a `$ref`, a titled
 * schema, an object with properties), else its type written in place. `path` names what gets
 * hoisted from here (`ClosePositionParamsPrice`).
 */
export function transformSchema(schema: Schema, scope: SchemaScope, path: string): TypeNode {
  if (typeof schema === "object" && typeof schema.$ref === "string") {
    const name = scope.types.refName(schema.$ref);
    if (name) return tsRef(name);
    const target = scope.types.resolve(schema.$ref);
    return typeof target === "boolean"
      ? transformSchemaBody(target, scope, path)
      : tsKeyword("unknown");
  }
  if (TypeRegistry.isHoisted(schema)) return tsRef(scope.types.hoist(schema, path));
  return transformSchemaBody(schema, scope, path);
}

/** The type a schema stands for, written out (the right-hand side of its named type). */
export function transformSchemaBody(schema: Schema, scope: SchemaScope, path: string): TypeNode {
  if (schema === true) return tsKeyword("unknown");
  if (schema === false) return tsKeyword("never");
  if (typeof schema.$ref === "string") {
    // An alias loop (`A` -> `B` -> `A`) names no type at all: `unknown`, as JSON Schema reads it.
    if (aliasTarget(schema, scope) === undefined && scope.types.resolve(schema.$ref) !== undefined)
      return tsKeyword("unknown");
    return transformSchema({ $ref: schema.$ref }, scope, path);
  }
  const parts: TypeNode[] = [];
  if ("const" in schema) parts.push(tsLiteral(schema.const));
  else if (Array.isArray(schema.enum)) parts.push(tsUnion(schema.enum.map(tsLiteral)));
  else {
    const base = typeOf(schema, scope, path);
    if (base) parts.push(base);
  }
  const atTop = topLevel.has(schema);
  const sub = (list: Schema[], word: string, union: boolean) =>
    list
      .map((s, i) => [s, i] as const)
      .filter(([s]) => !(union ? atTop : schema === declaring) || !isSelf(s, scope))
      .map(([s, i]) => {
        // An inline union member is written in place, so it is still at the declaration's top
        // level: `X = A | (X | null)` is `A | null`, and TypeScript refuses the self-reference.
        const inPlace = union && atTop && !isRefOrHoisted(s);
        if (inPlace) topLevel.add(s);
        try {
          return transformSchema(s, scope, `${path}${word}${list.length > 1 ? i + 1 : ""}`);
        } finally {
          if (inPlace) topLevel.delete(s);
        }
      });
  if (Array.isArray(schema.oneOf)) parts.push(tsUnion(sub(schema.oneOf, "Option", true)));
  if (Array.isArray(schema.anyOf)) parts.push(tsUnion(sub(schema.anyOf, "Option", true)));
  if (Array.isArray(schema.allOf)) parts.push(tsIntersection(sub(schema.allOf, "Part", false)));
  const type = parts.length === 0 ? tsKeyword("unknown") : tsIntersection(parts);
  return schema.nullable === true ? tsUnion([type, tsLiteral(null)]) : type;
}

function declaredTypes(schema: SchemaObject): string[] {
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type))
    return schema.type.filter((t): t is string => typeof t === "string");
  if (
    schema.properties ||
    schema.additionalProperties !== undefined ||
    schema.patternProperties ||
    schema.required
  )
    return ["object"];
  if (schema.items !== undefined || schema.prefixItems) return ["array"];
  return [];
}

function typeOf(schema: SchemaObject, scope: SchemaScope, path: string): TypeNode | undefined {
  const types = declaredTypes(schema);
  if (types.length === 0) return undefined;
  return tsUnion(
    types.map((type) => {
      switch (type) {
        case "string":
          return tsKeyword("string");
        case "number":
        case "integer":
          return tsKeyword("number");
        case "boolean":
          return tsKeyword("boolean");
        case "null":
          return tsLiteral(null);
        case "object":
          return objectType(schema, scope, path);
        case "array":
          return arrayType(schema, scope, path);
        default:
          return tsKeyword("unknown");
      }
    }),
  );
}

/**
 * Properties in order, optional unless required; `additionalProperties: false` closes the type,
 * a schema types an index signature, and when absent an object without properties is open
 * (`[key: string]: unknown`) while one with properties lists just those.
 */
function objectType(schema: SchemaObject, scope: SchemaScope, path: string): TypeNode {
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const properties = Object.entries(schema.properties ?? {});
  const members: Member[] = [];
  const propertyTypes: TypeNode[] = [];
  for (const [name, property] of properties) {
    const type = transformSchema(property, scope, path + pascalCase(name));
    propertyTypes.push(type);
    const doc = schemaDoc(property);
    members.push(tsProperty(name, type, { optional: !required.has(name), doc }));
  }
  for (const name of required) {
    if (!Object.hasOwn(schema.properties ?? {}, name)) {
      members.push(tsProperty(name, tsKeyword("unknown")));
      propertyTypes.push(tsKeyword("unknown"));
    }
  }
  const extra: TypeNode[] = [];
  const additional = schema.additionalProperties;
  if (additional !== undefined && additional !== false)
    extra.push(transformSchema(additional, scope, `${path}Value`));
  for (const pattern of Object.values(schema.patternProperties ?? {}))
    extra.push(transformSchema(pattern, scope, `${path}Value`));
  if (additional === undefined && extra.length === 0 && members.length === 0)
    extra.push(tsKeyword("unknown"));
  if (extra.length > 0) {
    const optional = members.length > required.size;
    members.push(
      tsIndexSignature(
        tsUnion([...extra, ...propertyTypes, ...(optional ? [tsKeyword("undefined")] : [])]),
      ),
    );
  }
  if (members.length === 0) return tsRef("Record", [tsKeyword("string"), tsKeyword("never")]);
  return tsObject(members);
}

function arrayType(schema: SchemaObject, scope: SchemaScope, path: string): TypeNode {
  const min = typeof schema.minItems === "number" ? schema.minItems : 0;
  const max = typeof schema.maxItems === "number" ? schema.maxItems : Number.POSITIVE_INFINITY;
  const prefix = Array.isArray(schema.prefixItems)
    ? schema.prefixItems
    : Array.isArray(schema.items)
      ? schema.items
      : undefined;
  if (prefix) {
    const restSchema = Array.isArray(schema.prefixItems)
      ? Array.isArray(schema.items)
        ? undefined
        : schema.items
      : schema.additionalItems;
    const elements = prefix.slice(0, Math.min(prefix.length, max)).map((item, i) => ({
      type: transformSchema(item, scope, `${path}Item${i + 1}`),
      optional: i >= min,
    }));
    const rest =
      max <= prefix.length || restSchema === false
        ? undefined
        : transformSchema(restSchema ?? true, scope, `${path}Item`);
    return tsTuple(elements, rest);
  }
  const item = transformSchema((schema.items as Schema | undefined) ?? true, scope, `${path}Item`);
  if (min === max && min >= 1 && min <= maxFixedTuple)
    return tsTuple(Array.from({ length: min }, () => ({ type: item })));
  return tsArray(item);
}

/** A named schema as an exported declaration: an interface for object types, else a type alias. */
export function transformNamedSchema(
  name: string,
  schema: Schema,
  scope: SchemaScope,
): ts.Statement {
  const outer = declaring;
  const outerTop = topLevel;
  declaring = schema;
  topLevel = new Set([schema]);
  try {
    return tsDeclaration(name, transformSchemaBody(schema, scope, name), schemaDoc(schema));
  } finally {
    declaring = outer;
    topLevel = outerTop;
  }
}

/** The named schema whose declaration is being written (for self-references at its top level). */
let declaring: Schema | undefined;

/** The schemas written at the declaration's top level: it and its inline union members. */
let topLevel = new Set<Schema>();

function isRefOrHoisted(schema: Schema): boolean {
  return (
    typeof schema !== "object" || typeof schema.$ref === "string" || TypeRegistry.isHoisted(schema)
  );
}

/**
 * Where a chain of pure `$ref`s (aliases) starting at `schema` ends; `undefined` when it loops or
 * leaves the document.
 */
function aliasTarget(schema: Schema, scope: SchemaScope): Schema | undefined {
  let current: Schema | undefined = schema;
  const seen = new Set<Schema>();
  while (typeof current === "object" && typeof current.$ref === "string") {
    if (seen.has(current)) return undefined;
    seen.add(current);
    current = scope.types.resolve(current.$ref);
  }
  return current;
}

/**
 * Whether a union or intersection member is the declaration itself (through aliases): TypeScript
 * refuses `type X = A | X`, and the member adds nothing to the type, so it is left out.
 */
function isSelf(member: Schema, scope: SchemaScope): boolean {
  if (declaring === undefined || typeof member !== "object" || member.$ref === undefined)
    return false;
  const target = aliasTarget(member, scope);
  return target === undefined || target === declaring;
}
