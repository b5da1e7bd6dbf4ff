import { createHash } from "node:crypto";
import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import { methodErrors } from "./methodErrors.js";

type Obj = Record<string, unknown>;
const PREFIX = "#/components/schemas/";

function resolve(value: unknown, schemas: Obj, seen: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, schemas, seen));
  if (value === null || typeof value !== "object") return value;
  const ref = (value as Obj).$ref;
  if (typeof ref === "string" && ref.startsWith(PREFIX)) {
    const name = ref.slice(PREFIX.length);
    // A recursive reference is kept by name: its shape is already part of the surface above it.
    return seen.includes(name) ? { $ref: ref } : resolve(schemas[name], schemas, [...seen, name]);
  }
  const out: Obj = {};
  for (const key of Object.keys(value).sort()) {
    // Words do not change what a client sends or receives.
    if (key === "description" || key === "title" || key === "examples" || key === "summary")
      continue;
    out[key] = resolve((value as Obj)[key], schemas, seen);
  }
  return out;
}

/**
 * A method's public surface, by method name: a hash over its params (names, required, schemas
 * with every `$ref` resolved), its result schema and its error codes. Descriptions, titles and
 * examples are left out: changing words is not an API change.
 */
export function apiSurface(document: OpenrpcDocument): Record<string, string> {
  const schemas = (document.components?.schemas ?? {}) as Obj;
  const surface: Record<string, string> = {};
  for (const method of document.methods as unknown as {
    name: string;
    params: { name: string; required?: boolean; schema: unknown }[];
    result?: { schema: unknown };
    errors?: unknown[];
  }[]) {
    const shape = {
      params: method.params.map((p) => ({
        name: p.name,
        required: p.required === true,
        schema: resolve(p.schema, schemas, []),
      })),
      result: resolve(method.result?.schema ?? null, schemas, []),
      errors: methodErrors(document, method)
        .map((e) => e.code)
        .sort((a, b) => a - b),
    };
    surface[method.name] = createHash("sha256")
      .update(JSON.stringify(shape))
      .digest("hex")
      .slice(0, 16);
  }
  return surface;
}
