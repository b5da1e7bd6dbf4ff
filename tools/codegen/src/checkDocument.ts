import type { OpenRpcDocument } from "./document.js";
import { resolvePointer } from "./resolveRef.js";

const jsonTypes = new Set(["string", "number", "integer", "boolean", "null", "object", "array"]);
/** The keywords whose values are maps of schemas. */
export const schemaMaps = [
  "properties",
  "patternProperties",
  "definitions",
  "$defs",
  "dependentSchemas",
];
/** The keywords whose values are lists of schemas. */
export const schemaLists = ["anyOf", "oneOf", "allOf", "prefixItems"];
/** The keywords whose values are a schema (`items`: or a list of them). */
export const schemaValues = [
  "additionalProperties",
  "additionalItems",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "items",
];

function pointer(path: readonly (string | number)[]): string {
  return `#/${path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}

/**
 * Finds what would make generated code wrong instead of failing: a `$ref` that resolves to
 * nothing or points outside the document, a `type` that is no JSON type, two methods of one
 * name. Each problem names its JSON pointer. Throws one error listing them (the CLI exits 3).
 */
export function checkDocument(document: OpenRpcDocument): void {
  const problems: string[] = [];
  const seen = new Set<unknown>();
  const schema = (node: unknown, path: (string | number)[]): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    const s = node as Record<string, unknown>;
    if (typeof s.$ref === "string") ref(s.$ref, [...path, "$ref"]);
    const type = s.type;
    if (type !== undefined) {
      const list = Array.isArray(type) ? type : [type];
      for (const t of list)
        if (typeof t !== "string" || !jsonTypes.has(t))
          problems.push(
            `${pointer([...path, "type"])}: type ${JSON.stringify(t)} is not a JSON type. Expected one of ${[...jsonTypes].join(", ")}.`,
          );
    }
    for (const key of schemaMaps)
      if (typeof s[key] === "object" && s[key] !== null)
        for (const [k, v] of Object.entries(s[key] as object)) schema(v, [...path, key, k]);
    for (const key of schemaLists)
      if (Array.isArray(s[key]))
        (s[key] as unknown[]).forEach((v, i) => {
          schema(v, [...path, key, i]);
        });
    for (const key of schemaValues) {
      if (Array.isArray(s[key]))
        (s[key] as unknown[]).forEach((v, i) => {
          schema(v, [...path, key, i]);
        });
      else schema(s[key], [...path, key]);
    }
  };
  const ref = (value: string, path: (string | number)[]) => {
    if (!value.startsWith("#")) {
      problems.push(
        `${pointer(path)}: $ref ${JSON.stringify(value)} points outside the document. Expected a local $ref (#/...): the CLI resolves refs to other files relative to --spec; from the API, call resolveExternalRefs first.`,
      );
    } else if (resolvePointer(document, value) === undefined) {
      problems.push(
        `${pointer(path)}: $ref ${JSON.stringify(value)} resolves to nothing in the document.`,
      );
    }
  };
  const descriptor = (node: unknown, path: (string | number)[]) => {
    if (typeof node !== "object" || node === null) return;
    const d = node as Record<string, unknown>;
    if (typeof d.$ref === "string") ref(d.$ref, [...path, "$ref"]);
    else schema(d.schema, [...path, "schema"]);
  };
  const names = new Map<string, number>();
  document.methods.forEach((method, i) => {
    const m = method as unknown as Record<string, unknown>;
    if (typeof m.$ref === "string") {
      ref(m.$ref, ["methods", i, "$ref"]);
      return;
    }
    const name = m.name as string;
    const first = names.get(name);
    if (first === undefined) names.set(name, i);
    else
      problems.push(
        `${pointer(["methods", i, "name"])}: method ${JSON.stringify(name)} is already ${pointer(["methods", first])}. Expected unique method names.`,
      );
    (m.params as unknown[]).forEach((p, j) => {
      descriptor(p, ["methods", i, "params", j]);
    });
    descriptor(m.result, ["methods", i, "result"]);
  });
  const components = document.components ?? {};
  for (const [k, v] of Object.entries(components.schemas ?? {}))
    schema(v, ["components", "schemas", k]);
  for (const [k, v] of Object.entries(components.contentDescriptors ?? {}))
    descriptor(v, ["components", "contentDescriptors", k]);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more =
      problems.length > shown.length ? `\n  ... and ${problems.length - shown.length} more` : "";
    throw new TypeError(
      `the OpenRPC document cannot be generated from:\n  ${shown.join("\n  ")}${more}`,
    );
  }
}
