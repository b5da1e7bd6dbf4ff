import {
  createSchemaCompiler,
  formatSchemaErrors,
  methodErrors,
  openrpc,
  type UnwindDocument,
  type UnwindMethod,
} from "@unwind/spec";

/** What the checks read from the OpenRPC document. */
export interface SpecView {
  readonly document: UnwindDocument;
  readonly methodNames: readonly string[];
  /** A method by name (a leading slash is ignored). */
  method(name: string): UnwindMethod | undefined;
  /** The index of a method in `methods`. */
  methodIndex(name: string): number;
  /** Validates a value against any schema of the document; the problems as one line, or undefined. */
  validate(schema: unknown, value: unknown): string | undefined;
  /** Validates a result against its method's result schema. */
  validateResult(method: string, value: unknown): string | undefined;
  /** The error codes a method declares, with their names. */
  declaredErrors(method: string): { name: string; code: number; message: string }[];
  /** The codes any request may receive before it reaches a method (`x-protocol-errors`). */
  readonly protocolErrors: readonly { name: string; code: number; message: string }[];
  /** A component schema by name. */
  schema(name: string): Record<string, unknown> | undefined;
  /** Follows a top-level `$ref` into `components.schemas`. */
  deref(schema: unknown): Record<string, unknown>;
}

/**
 * Wraps the spec (by default `@unwind/spec`'s `openrpc`) with the lookups and validators the
 * checks use.
 *
 * @example
 * const spec = createSpecView();
 * spec.validateResult("public/get_time", 1700000000000); // undefined: valid
 */
export function createSpecView(document: UnwindDocument = openrpc): SpecView {
  const compile = createSchemaCompiler(document as never);
  const byName = new Map<string, UnwindMethod>();
  for (const m of document.methods) byName.set(m.name, m);
  const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
  const protocolErrors = methodErrors(document as never, { errors: document["x-protocol-errors"] });
  const validate = (schema: unknown, value: unknown): string | undefined => {
    const fn = compile(schema);
    return fn(value) ? undefined : formatSchemaErrors(fn) || "does not match the schema";
  };
  const deref = (schema: unknown): Record<string, unknown> => {
    let s = schema as Record<string, unknown>;
    for (let i = 0; i < 10 && typeof s?.["$ref"] === "string"; i++) {
      s = schemas[(s["$ref"] as string).replace("#/components/schemas/", "")] ?? {};
    }
    return s ?? {};
  };
  return {
    document,
    methodNames: document.methods.map((m) => m.name),
    method: (name) => byName.get(name.replace(/^\//, "")),
    methodIndex: (name) => document.methods.findIndex((m) => m.name === name.replace(/^\//, "")),
    validate,
    validateResult(method, value) {
      const m = byName.get(method.replace(/^\//, ""));
      const result = m?.result as { schema?: unknown } | undefined;
      if (result?.schema === undefined) return `the spec has no result schema for ${method}`;
      return validate(result.schema, value);
    },
    declaredErrors(method) {
      const m = byName.get(method.replace(/^\//, ""));
      return m === undefined ? [] : methodErrors(document as never, m as never);
    },
    protocolErrors,
    schema: (name) => schemas[name],
    deref,
  };
}
