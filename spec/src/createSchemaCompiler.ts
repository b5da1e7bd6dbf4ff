import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ROOT = "unwind:openrpc";

function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/")
        ? `${ROOT}${value}`
        : rebase(value);
  }
  return out;
}

/**
 * Returns a function that compiles any schema of the document (inline, or with `$ref`s into
 * `#/components/schemas`) into an ajv 8 validator, caching by schema object.
 */
export function createSchemaCompiler(
  document: OpenrpcDocument,
): (schema: unknown) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: ROOT, components: { schemas: document.components?.schemas ?? {} } });
  const cache = new WeakMap<object, ValidateFunction>();
  return (schema) => {
    const key = schema as object;
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(rebase(schema) as object);
      cache.set(key, validate);
    }
    return validate;
  };
}

/** Formats ajv errors as one short line: `/order/order_id must be string`. */
export function formatSchemaErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .map(
      (e) =>
        `${e.instancePath || "(value)"} ${e.message}${e.params && "allowedValues" in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ""}`,
    )
    .join("; ");
}
