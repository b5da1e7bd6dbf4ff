import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import { collectRefs } from "./collectRefs.js";
import { lintChannels } from "./lintChannels.js";
import { methodErrors } from "./methodErrors.js";
import type { SpecProblem } from "./SpecProblem.js";

type Obj = Record<string, any>;
const SCHEMA_PREFIX = "#/components/schemas/";

function lintSchemaTree(schema: Obj, where: string, field: string, out: SpecProblem[]): void {
  if (!schema || typeof schema !== "object" || schema.$ref) return;
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Obj)) {
    const path = `${field}.properties.${name}`;
    if (!property.$ref && !property.description)
      out.push({
        where,
        field: `${path}.description`,
        message: "missing: every property says what it is",
      });
    lintSchemaTree(property, where, path, out);
  }
  for (const key of ["items", "additionalProperties"]) {
    if (schema[key] && typeof schema[key] === "object")
      lintSchemaTree(schema[key], where, `${field}.${key}`, out);
  }
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    (schema[key] ?? []).forEach((s: Obj, i: number) => {
      lintSchemaTree(s, where, `${field}.${key}[${i}]`, out);
    });
  }
}

/**
 * Lints what the meta-schema cannot: titles and descriptions, summaries, tags and examples on
 * every method, the errors private methods must declare, unique error codes inside their group's
 * declared range, resolvable references, and no unreferenced schema. Each problem names the
 * method (or component) and the field.
 */
export function lintDocument(document: OpenrpcDocument): SpecProblem[] {
  const out: SpecProblem[] = [];
  const doc = document as unknown as Obj;
  const schemas = (doc.components?.schemas ?? {}) as Obj;
  const errors = (doc.components?.errors ?? {}) as Obj;
  const tags = (doc.components?.tags ?? {}) as Obj;

  if (!doc.info?.description)
    out.push({ where: "document", field: "info.description", message: "missing" });
  if (!doc.servers?.length)
    out.push({
      where: "document",
      field: "servers",
      message: "missing: list the reference server's URLs",
    });

  for (const [name, schema] of Object.entries(schemas) as [string, Obj][]) {
    const where = `components.schemas.${name}`;
    if (!schema.title)
      out.push({
        where,
        field: "title",
        message: `missing: generated type names come from titles (use "${name}")`,
      });
    if (!schema.description) out.push({ where, field: "description", message: "missing" });
    lintSchemaTree(schema, where, "schema", out);
  }

  for (const method of doc.methods as Obj[]) {
    const where = method.name as string;
    for (const key of ["summary", "description"])
      if (!method[key]) out.push({ where, field: key, message: "missing" });
    if (!method.tags?.length)
      out.push({ where, field: "tags", message: "missing: at least one tag" });
    (method.tags ?? []).forEach((tag: Obj, i: number) => {
      const tagName = tag.$ref ? String(tag.$ref).replace("#/components/tags/", "") : tag.name;
      if (!tags[tagName])
        out.push({
          where,
          field: `tags[${i}]`,
          message: `"${tagName}" is not declared in components.tags`,
        });
    });
    (method.params ?? []).forEach((param: Obj, i: number) => {
      if (!param.description)
        out.push({ where, field: `params[${i}] "${param.name}".description`, message: "missing" });
      lintSchemaTree(param.schema, where, `params[${i}] "${param.name}".schema`, out);
    });
    // A notification the server sends (`x-sent-by: server`) has no result and no errors.
    const sentByServer = method["x-sent-by"] === "server";
    if (sentByServer && method.result)
      out.push({
        where,
        field: "result",
        message: "a notification the server sends has no result",
      });
    if (!sentByServer && !method.result?.schema)
      out.push({ where, field: "result.schema", message: "missing" });
    const examples = (method.examples ?? []) as Obj[];
    if (sentByServer && examples.length === 0)
      out.push({ where, field: "examples", message: "missing: at least one example" });
    if (!sentByServer && !examples.some((e) => e.result))
      out.push({
        where,
        field: "examples",
        message: "missing: at least one example with a result",
      });
    let declared: { code: number }[] = [];
    try {
      declared = methodErrors(document, method);
    } catch (error) {
      out.push({ where, field: "errors", message: (error as Error).message });
    }
    const required = sentByServer
      ? []
      : [-32602, -32603, ...(method["x-auth"]?.private ? [10000, 13009] : [])];
    for (const code of required) {
      if (!declared.some((d) => d.code === code))
        out.push({
          where,
          field: "errors",
          message: `must declare ${code}${code > 0 ? " (every private method)" : " (every method)"}`,
        });
    }
  }

  const codes = new Map<number, string>();
  for (const [name, error] of Object.entries(errors) as [string, Obj][]) {
    const seen = codes.get(error.code);
    if (seen)
      out.push({
        where: `components.errors.${name}`,
        field: "code",
        message: `${error.code} is also the code of ${seen}: codes are unique`,
      });
    codes.set(error.code, name);
  }
  const groups = (doc["x-error-groups"] ?? []) as Obj[];
  groups.forEach((group, i) => {
    const [low, high] = group.range ?? [];
    if (!(Number.isInteger(low) && Number.isInteger(high) && low <= high)) {
      out.push({
        where: `x-error-groups[${i}] "${group.name}"`,
        field: "range",
        message: `expected [low, high] integers, but got ${JSON.stringify(group.range)}`,
      });
      return;
    }
    groups.slice(0, i).forEach((other) => {
      if (low <= other.range[1] && other.range[0] <= high)
        out.push({
          where: `x-error-groups[${i}] "${group.name}"`,
          field: "range",
          message: `[${low}, ${high}] overlaps "${other.name}" [${other.range.join(", ")}]`,
        });
    });
    for (const [name, error] of Object.entries(group.errors ?? {}) as [string, Obj][]) {
      if (error.code < low || error.code > high)
        out.push({
          where: `components.errors.${name}`,
          field: "code",
          message: `${error.code} is outside its group "${group.name}" range [${low}, ${high}]`,
        });
      if (!error.description)
        out.push({
          where: `components.errors.${name}`,
          field: "description",
          message: "missing (in its error group)",
        });
    }
  });
  for (const name of Object.keys(errors)) {
    if (!groups.some((g) => g.errors && name in g.errors))
      out.push({
        where: `components.errors.${name}`,
        field: "code",
        message: "belongs to no error group",
      });
  }

  // Reachability: every component schema is referenced from a method or a document extension.
  const extensions = Object.entries(doc).filter(
    ([key]) => key.startsWith("x-") && key !== "x-extensions",
  );
  const queue = collectRefs([doc.methods, extensions.map(([, value]) => value)]);
  const reached = new Set<string>();
  while (queue.length) {
    const ref = queue.pop() as string;
    if (!ref.startsWith(SCHEMA_PREFIX)) continue;
    const name = ref.slice(SCHEMA_PREFIX.length);
    if (reached.has(name)) continue;
    if (!schemas[name]) {
      out.push({ where: "document", field: ref, message: "unresolved reference: no such schema" });
      continue;
    }
    reached.add(name);
    queue.push(...collectRefs(schemas[name]));
  }
  for (const name of Object.keys(schemas)) {
    if (!reached.has(name))
      out.push({
        where: `components.schemas.${name}`,
        field: "(schema)",
        message: "is never referenced: delete it or use it",
      });
  }
  for (const ref of collectRefs(doc.methods)) {
    if (ref.startsWith("#/components/errors/") && !errors[ref.slice(20)])
      out.push({ where: "document", field: ref, message: "unresolved reference: no such error" });
  }
  out.push(...lintChannels(document));
  return out;
}
