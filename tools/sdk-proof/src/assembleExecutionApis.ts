import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The folders `make build` of ethereum/execution-apis passes to its `specgen` tool. */
export interface SpecFlags {
  readonly schemas: readonly string[];
  readonly methods: readonly string[];
  readonly errorGroups: readonly string[];
}

/**
 * Reads `SPECFLAGS` of the repository's Makefile: `-schemas 'src/schemas' -methods 'src/eth' ...`.
 * Throws naming what was expected when the Makefile has none.
 */
export function readSpecFlags(checkout: string): SpecFlags {
  const makefile = readFileSync(join(checkout, "Makefile"), "utf8");
  const flags = { schemas: [] as string[], methods: [] as string[], errorGroups: [] as string[] };
  for (const [, flag, path] of makefile.matchAll(/-(schemas|methods|error-groups)\s+'([^']+)'/g)) {
    if (flag === "schemas") flags.schemas.push(path!);
    else if (flag === "methods") flags.methods.push(path!);
    else flags.errorGroups.push(path!);
  }
  if (flags.methods.length === 0 || flags.schemas.length === 0)
    throw new Error(
      `could not read SPECFLAGS of ${join(checkout, "Makefile")}. Expected -methods '<dir>' and -schemas '<dir>' flags, but got ${flags.methods.length} and ${flags.schemas.length}.`,
    );
  return flags;
}

/** The `.yaml` files under `dir`, in the lexical walk order of Go's `filepath.WalkDir`. */
function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(path));
    else if (entry.isFile() && entry.name.endsWith(".yaml")) out.push(path);
  }
  return out;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface ErrorGroup {
  readonly min?: number;
  readonly max?: number;
  readonly errors: readonly JsonObject[];
}

const errorGroupRef = "#/components/error-groups/";

/** The document `specgen` starts from (`openrpc`, `info`), embedded in the tool. */
const baseDocument = "tools/internal/specgen/base-doc.json";

/** Inline errors first, then each referenced group's errors whose code no inline error has. */
function resolveErrors(
  method: string,
  inline: readonly Json[],
  refs: readonly Json[],
  groups: ReadonlyMap<string, ErrorGroup>,
): Json[] {
  const inlineCodes = new Set(inline.filter(isObject).map((e) => e.code));
  const merged: Json[] = [...inline];
  for (const ref of refs) {
    const target = isObject(ref) ? ref.$ref : undefined;
    if (typeof target !== "string" || !target.startsWith(errorGroupRef))
      throw new Error(
        `method ${method}: could not resolve error-groups entry. Expected {$ref: "${errorGroupRef}<name>"}, but got ${JSON.stringify(ref)}.`,
      );
    const name = target.slice(errorGroupRef.length);
    const group = groups.get(name);
    if (!group) throw new Error(`method ${method}: error group ${name} is not defined.`);
    for (const e of group.errors) {
      const code = e.code as number;
      if (
        group.min !== undefined &&
        group.max !== undefined &&
        (code < group.min || code > group.max)
      )
        throw new Error(
          `error code ${code} out of range [${group.min}, ${group.max}] for group ${name}`,
        );
      if (inlineCodes.has(code)) continue;
      merged.push({ code, message: e.message ?? "", ...(e.data != null ? { data: e.data } : {}) });
    }
  }
  return merged;
}

/** Object keys sorted as Go's `encoding/json` sorts map keys (byte order; the input is ASCII). */
function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]!);
  return out;
}

/** Go's `json.MarshalIndent` escapes these inside strings; they occur nowhere else in JSON. */
function goEscape(text: string): string {
  return text.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * The OpenRPC document of an ethereum/execution-apis checkout, as its `make build` writes
 * `refs-openrpc.json` (`tools/specgen` without `-deref`): the base document, the methods of the
 * `-methods` folders sorted by name with their `error-groups` resolved into `errors`, and the
 * schemas of the `-schemas` folders as `components.schemas`; keys sorted, two-space indent.
 * Throws on a duplicate method, schema or error group, as `specgen` does.
 *
 * @example assembleExecutionApis("/tmp/execution-apis") // '{\n  "components": ...'
 */
export function assembleExecutionApis(checkout: string): string {
  const flags = readSpecFlags(checkout);
  const files = (dirs: readonly string[]) => dirs.flatMap((d) => yamlFiles(join(checkout, d)));
  const load = (file: string): unknown => {
    try {
      return parse(readFileSync(file, "utf8"), { merge: true });
    } catch (cause) {
      throw new Error(`could not parse ${relative(checkout, file)}: ${(cause as Error).message}`);
    }
  };

  const methods = new Map<string, JsonObject>();
  for (const file of files(flags.methods)) {
    const list = load(file);
    if (!Array.isArray(list))
      throw new Error(
        `${relative(checkout, file)}: expected a list of methods, but got ${typeof list}.`,
      );
    for (const method of list as JsonObject[]) {
      const name = method.name;
      if (typeof name !== "string")
        throw new Error(`${relative(checkout, file)}: a method has no string name.`);
      if (methods.has(name)) throw new Error(`method ${name} already defined`);
      methods.set(name, method);
    }
  }
  const schemas: JsonObject = {};
  for (const file of files(flags.schemas)) {
    const body = (load(file) ?? {}) as JsonObject;
    for (const [key, schema] of Object.entries(body)) {
      if (key in schemas) throw new Error(`duplicate schema ${key}`);
      schemas[key] = schema;
    }
  }
  const groups = new Map<string, ErrorGroup>();
  for (const file of files(flags.errorGroups)) {
    const body = (load(file) ?? {}) as Record<string, JsonObject>;
    for (const [name, group] of Object.entries(body)) {
      if (groups.has(name)) throw new Error(`duplicate error group ${name}`);
      const range = isObject(group.range) ? group.range : {};
      groups.set(name, {
        min: typeof range.min === "number" ? range.min : undefined,
        max: typeof range.max === "number" ? range.max : undefined,
        errors: Array.isArray(group.errors) ? group.errors.filter(isObject) : [],
      });
    }
  }

  const sorted = [...methods.keys()].sort().map((name) => {
    const method = methods.get(name)!;
    const refs = method["error-groups"];
    if (flags.errorGroups.length === 0 || !Array.isArray(refs)) return method;
    const { "error-groups": _, ...rest } = method;
    const inline = Array.isArray(method.errors) ? method.errors : [];
    return { ...rest, errors: resolveErrors(name, inline, refs, groups) };
  });
  const base = JSON.parse(readFileSync(join(checkout, baseDocument), "utf8")) as JsonObject;
  const doc: JsonObject = { ...base, components: { schemas }, methods: sorted };
  return goEscape(JSON.stringify(sortKeys(doc), null, 2));
}
