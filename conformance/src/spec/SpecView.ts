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
  /** The `x-channels` entry whose name pattern a channel name matches, with its index. */
  channel(name: string): SpecChannel | undefined;
  /** Every `x-channels` entry, in document order. */
  readonly channels: readonly SpecChannel[];
}

/** A channel of the document's `x-channels` extension. */
export interface SpecChannel {
  /** Its pattern, e.g. `book.{instrument_name}.raw`. */
  name: string;
  private: boolean;
  /** The schema of a notification's `params.data`. */
  data: unknown;
  /** Its index in `x-channels` (for spec references: `/x-channels/<index>`). */
  index: number;
  /** Matches concrete names; group 1.. are the params in order. */
  regex: RegExp;
}

/** A channel pattern as a regex: each `{param}` one or more characters other than a dot. */
export function channelRegex(pattern: string): RegExp {
  const parts = pattern.split(/\{[^}]+\}/).map((p) => p.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("([^.]+)")}$`);
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
  const rawChannels = (document as unknown as Record<string, unknown>)["x-channels"];
  const channels: SpecChannel[] = (Array.isArray(rawChannels) ? rawChannels : []).map(
    (c: Record<string, unknown>, index) => ({
      name: String(c["name"]),
      private: c["private"] === true,
      data: c["data"],
      index,
      regex: channelRegex(String(c["name"])),
    }),
  );
  return {
    document,
    channels,
    channel: (name) => channels.find((c) => c.regex.test(name)),
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
