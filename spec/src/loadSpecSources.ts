import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";

/** The YAML sources of the spec, read but not yet assembled. */
export interface SpecSources {
  /** `src/openrpc.yaml`: header, servers, tags, document extensions and the ordered method list. */
  header: Record<string, unknown> & { methods: string[] };
  /** `src/extensions.yaml`: the OpenRPC `x-extensions` declarations of our x- fields. */
  extensions: unknown[];
  /** Method objects by name, from `src/methods/<name>.yaml`. */
  methods: Map<string, Record<string, unknown>>;
  /** Schemas by name, with the file each came from. */
  schemas: Map<string, { file: string; schema: Record<string, unknown> }>;
  /** Error groups from `src/error-groups/*.yaml`, in file-name order. */
  errorGroups: ErrorGroupSource[];
}

export interface ErrorGroupSource {
  file: string;
  name: string;
  description: string;
  range: [number, number];
  errors: Record<string, { code: number; message: string; description: string }>;
}

function readYaml(path: string): any {
  try {
    return parse(readFileSync(path, "utf8"), { merge: true });
  } catch (error) {
    throw new Error(`could not parse ${path}: ${(error as Error).message}`, { cause: error });
  }
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...yamlFiles(path));
    else if (entry.endsWith(".yaml")) out.push(path);
  }
  return out;
}

/** Reads every source file under `srcDir` (the spec package's `src/`), failing on duplicates. */
export function loadSpecSources(srcDir: string): SpecSources {
  const header = readYaml(join(srcDir, "openrpc.yaml"));
  if (!Array.isArray(header?.methods)) {
    throw new Error(
      `could not read ${join(srcDir, "openrpc.yaml")}. Expected a "methods" list of method names, but got ${JSON.stringify(header?.methods)}`,
    );
  }
  const extensions = readYaml(join(srcDir, "extensions.yaml"));
  const methodsDir = join(srcDir, "methods");
  const methods = new Map<string, Record<string, unknown>>();
  for (const file of yamlFiles(methodsDir)) {
    const name = relative(methodsDir, file).replace(/\.yaml$/, "");
    const method = readYaml(file);
    if (method?.name !== name) {
      throw new Error(
        `${file}: the method's name must match its path. Expected "${name}", but got ${JSON.stringify(method?.name)}`,
      );
    }
    methods.set(name, method);
  }
  const schemas = new Map<string, { file: string; schema: Record<string, unknown> }>();
  for (const file of yamlFiles(join(srcDir, "schemas"))) {
    for (const [name, schema] of Object.entries(readYaml(file) ?? {})) {
      const seen = schemas.get(name);
      if (seen)
        throw new Error(`schema "${name}" is defined twice: in ${seen.file} and in ${file}`);
      schemas.set(name, { file, schema: schema as Record<string, unknown> });
    }
  }
  const errorGroups = yamlFiles(join(srcDir, "error-groups")).map((file) => ({
    file,
    ...readYaml(file),
  })) as ErrorGroupSource[];
  return { header, extensions: extensions ?? [], methods, schemas, errorGroups };
}
