import type { Schema, SchemaObject } from "./document.js";
import type { NameRegistry } from "./NameRegistry.js";
import { pascalCase, words } from "./names.js";
import { resolvePointer } from "./resolveRef.js";

/** A schema that gets its own exported type. */
export interface NamedSchema {
  readonly name: string;
  readonly schema: Schema;
}

const componentRef = /^#\/components\/schemas\/([^/]+)$/;

function decode(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** A canonical text of a JSON value (keys sorted), to recognise the same titled schema twice. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The named types of a document: every component schema under its title (else its key), every
 * `$ref` target, and every inline schema worth a name (titled, or an object with properties)
 * under its title or a name derived from where it sits (`ClosePositionParamsPrice`).
 */
export class TypeRegistry {
  readonly #document: unknown;
  readonly #names: NameRegistry;
  readonly #byObject = new Map<object, string>();
  readonly #byTitle = new Map<string, string>();
  readonly #components = new Map<string, string>();
  readonly #queue: NamedSchema[] = [];

  constructor(document: unknown, names: NameRegistry) {
    this.#document = document;
    this.#names = names;
  }

  /** Claims the names of `components.schemas`, in document order. */
  claimComponents(schemas: Record<string, Schema>): NamedSchema[] {
    const out: NamedSchema[] = [];
    for (const [key, schema] of Object.entries(schemas)) {
      const title =
        typeof schema === "object" && schema.title ? pascalCase(schema.title) : undefined;
      const name = title
        ? this.#names.claim(title, pascalCase(key))
        : this.#names.claim(pascalCase(key));
      this.#components.set(key, name);
      if (typeof schema === "object") this.#byObject.set(schema, name);
      out.push({ name, schema });
    }
    return out;
  }

  /** Whether an inline schema gets its own named type. */
  static isHoisted(schema: Schema): schema is SchemaObject {
    if (typeof schema !== "object" || schema.$ref !== undefined) return false;
    if (typeof schema.title === "string" && words(schema.title).length > 0) return true;
    return schema.properties !== undefined && Object.keys(schema.properties).length > 0;
  }

  /** The name of an inline schema, claiming one (from its title, else `path`) the first time. */
  hoist(schema: SchemaObject, path: string): string {
    const known = this.#byObject.get(schema);
    if (known) return known;
    const titleKey = schema.title ? canonical(schema) : undefined;
    const same = titleKey ? this.#byTitle.get(titleKey) : undefined;
    if (same) {
      this.#byObject.set(schema, same);
      return same;
    }
    const name = schema.title
      ? this.#names.claim(pascalCase(schema.title), path)
      : this.#names.claim(path);
    this.#byObject.set(schema, name);
    if (titleKey) this.#byTitle.set(titleKey, name);
    this.#queue.push({ name, schema });
    return name;
  }

  /**
   * The name a `$ref` stands for, or `undefined` when it points outside the document (the
   * generator types such values `unknown`) or at a boolean schema (written in place).
   */
  refName(ref: string): string | undefined {
    const component = componentRef.exec(ref);
    if (component) {
      const name = this.#components.get(decode(component[1]!));
      if (name) return name;
    }
    const target = resolvePointer(this.#document, ref);
    if (typeof target !== "object" || target === null) return undefined;
    const segments = ref.replace(/^#\/?/, "").split("/").map(decode);
    const meaningful = segments.filter(
      (s) =>
        ![
          "components",
          "schemas",
          "definitions",
          "$defs",
          "properties",
          "contentDescriptors",
          "schema",
        ].includes(s),
    );
    return this.hoist(target as SchemaObject, pascalCase(meaningful.join(" ") || "Schema"));
  }

  /** The target of a `$ref` the registry can name, for callers that inspect it. */
  resolve(ref: string): Schema | undefined {
    const target = resolvePointer(this.#document, ref);
    return typeof target === "boolean" || (typeof target === "object" && target !== null)
      ? (target as Schema)
      : undefined;
  }

  /** Takes the named schemas claimed since the last call, in the order they were met. */
  takeQueued(): NamedSchema[] {
    return this.#queue.splice(0);
  }
}
