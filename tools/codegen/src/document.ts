/**
 * The parts of an OpenRPC 1.x document the generator reads. Loose on purpose: any valid
 * document fits, and extensions (`x-...`) stay readable.
 */

/** A JSON Schema (draft 7 as OpenRPC 1.x uses it, plus `prefixItems` and `nullable`). */
export type Schema = boolean | SchemaObject;

export interface SchemaObject {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema;
  patternProperties?: Record<string, Schema>;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  additionalItems?: Schema;
  minItems?: number;
  maxItems?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  deprecated?: boolean;
  default?: unknown;
  [keyword: string]: unknown;
}

export interface Reference {
  $ref: string;
}

export interface ContentDescriptor {
  name: string;
  summary?: string;
  description?: string;
  required?: boolean;
  deprecated?: boolean;
  schema?: Schema;
}

export interface ErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

export interface ExampleObject {
  name?: string;
  summary?: string;
  description?: string;
  value?: unknown;
  externalValue?: string;
}

export interface ExamplePairing {
  name?: string;
  summary?: string;
  description?: string;
  params?: (ExampleObject | Reference)[];
  result?: ExampleObject | Reference;
  "x-error"?: ErrorObject;
}

export interface MethodObject {
  name: string;
  summary?: string;
  description?: string;
  tags?: ({ name: string; description?: string } | Reference)[];
  paramStructure?: "by-name" | "by-position" | "either";
  params: (ContentDescriptor | Reference)[];
  result?: ContentDescriptor | Reference;
  errors?: (ErrorObject | Reference)[];
  examples?: (ExamplePairing | Reference)[];
  deprecated?: boolean;
  externalDocs?: { url: string; description?: string };
  [extension: `x-${string}`]: unknown;
}

export interface OpenRpcDocument {
  openrpc: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  servers?: { name?: string; url: string; summary?: string; description?: string }[];
  methods: (MethodObject | Reference)[];
  components?: {
    schemas?: Record<string, Schema>;
    contentDescriptors?: Record<string, ContentDescriptor>;
    errors?: Record<string, ErrorObject>;
    examples?: Record<string, ExampleObject>;
    examplePairingObjects?: Record<string, ExamplePairing>;
    tags?: Record<string, { name: string; description?: string }>;
    [kind: string]: unknown;
  };
  [extension: string]: unknown;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/**
 * Checks the shape the generator relies on and returns the document typed. Full meta-schema
 * validation is the spec package's job; this catches what would make generation fail.
 */
export function readDocument(value: unknown): OpenRpcDocument {
  const fail = (what: string, expected: string, got: unknown): never => {
    throw new TypeError(
      `could not read the OpenRPC document: ${what}. Expected ${expected}, but got ${describe(got)}.`,
    );
  };
  if (typeof value !== "object" || value === null || Array.isArray(value))
    fail("the document", "an object", value);
  const doc = value as Record<string, unknown>;
  if (typeof doc["openrpc"] !== "string" || !doc["openrpc"].startsWith("1.")) {
    fail("`openrpc`", 'a 1.x version string such as "1.3.2"', doc["openrpc"]);
  }
  const info = doc["info"] as Record<string, unknown> | undefined;
  if (typeof info !== "object" || info === null) fail("`info`", "an object", info);
  if (typeof info!["version"] !== "string") fail("`info.version`", "a string", info!["version"]);
  if (!Array.isArray(doc["methods"])) fail("`methods`", "an array", doc["methods"]);
  for (const [i, method] of (doc["methods"] as unknown[]).entries()) {
    if (typeof method !== "object" || method === null)
      fail(`\`methods[${i}]\``, "a method object", method);
    const m = method as Record<string, unknown>;
    if (typeof m["$ref"] === "string") continue;
    if (typeof m["name"] !== "string" || m["name"] === "")
      fail(`\`methods[${i}].name\``, "a non-empty string", m["name"]);
    if (!Array.isArray(m["params"]))
      fail(`\`methods[${i}].params\` of ${m["name"]}`, "an array", m["params"]);
  }
  return value as OpenRpcDocument;
}
