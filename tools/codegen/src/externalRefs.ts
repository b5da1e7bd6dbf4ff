import { readFileSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { schemaLists, schemaMaps, schemaValues } from "./checkDocument.js";
import { resolvePointer } from "./resolveRef.js";

/** Reads a file's text; the tests pass their own. */
export type ReadText = (path: string) => string;

/** A document's text as JSON, or YAML when the file is named `.yaml` / `.yml`. */
export function parseDocumentText(text: string, path: string): unknown {
  return /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
}

type Kind = "schema" | "descriptor" | "method" | "error" | "pairing" | "example" | "tag";

/** Where a node sits (a JSON pointer into the document being built) and which file it came from. */
interface Place {
  readonly pointer: string;
  readonly file: string;
}

const componentKinds: Record<string, Kind> = {
  schemas: "schema",
  contentDescriptors: "descriptor",
  errors: "error",
  examples: "example",
  examplePairingObjects: "pairing",
  tags: "tag",
};

function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function collectRefs(node: unknown, out: string[], seen = new Set<unknown>()): string[] {
  if (typeof node !== "object" || node === null || seen.has(node)) return out;
  seen.add(node);
  if (Array.isArray(node)) for (const item of node) collectRefs(item, out, seen);
  else
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.push(value);
      else collectRefs(value, out, seen);
    }
  return out;
}

/**
 * Resolves every `$ref` into another file (`other.json#/components/schemas/X`,
 * `./types.yaml#/X`, `./pet.json`), relative to the file that holds it, and returns a document
 * whose `$ref`s are all local: a schema becomes a component schema of the document (named after
 * the pointer's last segment, else the file's name; numbered when taken) and every `$ref` to it
 * points there, so recursion and cycles across files work through its name; any other node
 * (content descriptor, error, example, method, tag) is copied in place. Refs inside the files
 * read are resolved against those files, theirs included. A document without such refs comes
 * back as it is, not copied. A file that cannot be read or parsed, a pointer that resolves to
 * nothing, or a cycle of non-schema refs throws, naming the ref, where it is and the file.
 *
 * With `refBase`, a relative file path in any `$ref` is resolved against that directory instead
 * (documents whose refs name files from their repository's root, as Starknet's
 * `./api/starknet_api_openrpc.json` from `api/starknet_trace_api_openrpc.json`).
 */
export function resolveExternalRefs(
  document: unknown,
  documentPath: string,
  read: ReadText = (path) => readFileSync(path, "utf8"),
  refBase?: string,
): unknown {
  if (!collectRefs(document, []).some((ref) => !ref.startsWith("#"))) return document;
  const root = structuredClone(document) as Record<string, unknown>;
  const rootFile = resolve(documentPath);
  const base = refBase === undefined ? undefined : resolve(refBase);
  const files = new Map<string, unknown>([[rootFile, root]]);
  const schemaKeys = new Map<string, string>();
  const inlining = new Set<string>();
  // Every object walked once: walking rewrites in place, and YAML aliases may share nodes.
  const walked = new Set<unknown>();
  const components = (): Record<string, unknown> => {
    if (!isObject(root.components)) root.components = {};
    const c = root.components as Record<string, unknown>;
    if (!isObject(c.schemas)) c.schemas = {};
    return c.schemas as Record<string, unknown>;
  };

  const fail = (place: Place, ref: string, file: string, reason: string): never => {
    throw new TypeError(
      `${place.pointer}/$ref: could not resolve $ref ${JSON.stringify(ref)} (in ${place.file}): ${reason.replace(/\n[\s\S]*/, "")}${file ? ` (file ${file})` : ""}.`,
    );
  };

  const load = (file: string, ref: string, place: Place): unknown => {
    if (files.has(file)) return files.get(file);
    let text: string;
    try {
      text = read(file);
    } catch (error) {
      return fail(place, ref, file, `the file cannot be read: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = parseDocumentText(text, file);
    } catch (error) {
      return fail(
        place,
        ref,
        file,
        `the file is no ${/\.ya?ml$/i.test(file) ? "YAML" : "JSON"}: ${(error as Error).message}`,
      );
    }
    files.set(file, parsed);
    return parsed;
  };

  /** The file and pointer a `$ref` names, from the file that holds it. */
  const target = (ref: string, place: Place): { file: string; pointer: string } => {
    const hash = ref.indexOf("#");
    const path = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? "" : ref.slice(hash + 1);
    if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^file:/i.test(path))
      fail(place, ref, "", "only files relative to the document are read, not URLs");
    const file =
      path === ""
        ? place.file
        : resolve(base ?? dirname(place.file), decodeURIComponent(path.replace(/^file:\/\//i, "")));
    return { file, pointer };
  };

  const resolveIn = (file: string, pointer: string, ref: string, place: Place): unknown => {
    const found = resolvePointer(load(file, ref, place), `#${pointer}`);
    if (found === undefined) fail(place, ref, file, `#${pointer} resolves to nothing in that file`);
    return found;
  };

  /** The local `$ref` for a schema of another file: a component schema, added the first time. */
  const schemaRef = (file: string, pointer: string, ref: string, place: Place): string => {
    const id = `${file}#${pointer}`;
    let key = schemaKeys.get(id);
    if (key === undefined) {
      const found = resolveIn(file, pointer, ref, place);
      const schemas = components();
      const last = pointer
        .split("/")
        .filter((s) => s !== "")
        .at(-1);
      const base =
        (last === undefined
          ? basename(file, extname(file))
          : decodeURIComponent(last).replace(/~1/g, "/").replace(/~0/g, "~")) || "Schema";
      key = base;
      for (let n = 2; Object.hasOwn(schemas, key); n++) key = `${base}${n}`;
      schemaKeys.set(id, key);
      const copy = structuredClone(found);
      schemas[key] = copy;
      walk(copy, "schema", {
        pointer: `#/components/schemas/${escapeSegment(key)}`,
        file,
      });
    }
    return `#/components/schemas/${encodeURIComponent(escapeSegment(key))}`;
  };

  /** Walks `node` of `kind`; returns what replaces it (a copy, for a non-schema `$ref`). */
  const walk = (node: unknown, kind: Kind, place: Place): unknown => {
    if (!isObject(node) || walked.has(node)) return node;
    walked.add(node);
    const ref = node.$ref;
    if (typeof ref === "string") {
      const { file, pointer } = target(ref, place);
      if (file === rootFile) {
        // A ref into the document itself: made local. A schema it points at is walked too (it
        // may sit outside components); other nodes are walked where they are.
        if (place.file !== rootFile) node.$ref = `#${pointer}`;
        if (kind !== "schema") return node;
        walk(resolvePointer(root, `#${pointer}`), kind, { pointer: `#${pointer}`, file: rootFile });
      } else if (kind === "schema") {
        node.$ref = schemaRef(file, pointer, ref, place);
      } else {
        const id = `${file}#${pointer}`;
        if (inlining.has(id)) fail(place, ref, file, "the $ref leads back to itself");
        inlining.add(id);
        const copy = walk(structuredClone(resolveIn(file, pointer, ref, place)), kind, {
          pointer: place.pointer,
          file,
        });
        inlining.delete(id);
        return copy;
      }
    }
    const at = (...segments: (string | number)[]): Place => ({
      pointer: `${place.pointer}/${segments.map(escapeSegment).join("/")}`,
      file: place.file,
    });
    const list = (key: string, of: Kind) => {
      const items = node[key];
      if (Array.isArray(items))
        items.forEach((item, i) => {
          items[i] = walk(item, of, at(key, i));
        });
    };
    const one = (key: string, of: Kind) => {
      if (node[key] !== undefined) node[key] = walk(node[key], of, at(key));
    };
    switch (kind) {
      case "schema":
        for (const key of schemaMaps)
          if (isObject(node[key]))
            for (const [k, v] of Object.entries(node[key]))
              (node[key] as Record<string, unknown>)[k] = walk(v, "schema", at(key, k));
        for (const key of schemaLists) list(key, "schema");
        for (const key of schemaValues)
          if (Array.isArray(node[key])) list(key, "schema");
          else one(key, "schema");
        break;
      case "descriptor":
        one("schema", "schema");
        break;
      case "method":
        list("params", "descriptor");
        one("result", "descriptor");
        list("errors", "error");
        list("examples", "pairing");
        list("tags", "tag");
        break;
      case "pairing":
        list("params", "example");
        one("result", "example");
        break;
      default:
        break;
    }
    return node;
  };

  if (Array.isArray(root.methods))
    root.methods.forEach((m, i) => {
      (root.methods as unknown[])[i] = walk(m, "method", {
        pointer: `#/methods/${i}`,
        file: rootFile,
      });
    });
  if (isObject(root.components)) {
    for (const [group, kind] of Object.entries(componentKinds)) {
      const map = (root.components as Record<string, unknown>)[group];
      if (!isObject(map)) continue;
      // Keys added while walking (schemas of other files) are walked as they are added.
      for (const key of Object.keys(map))
        map[key] = walk(map[key], kind, {
          pointer: `#/components/${group}/${escapeSegment(key)}`,
          file: rootFile,
        });
    }
  }
  return root;
}
