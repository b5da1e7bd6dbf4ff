import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import type { SpecProblem } from "./SpecProblem.js";

type Obj = Record<string, any>;
const SCHEMA_PREFIX = "#/components/schemas/";

/** The `{placeholder}` names of a channel pattern, in order. */
export function channelPlaceholders(pattern: string): string[] {
  return [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] as string);
}

/**
 * Lints the document-level `x-channels` extension (the meta-schema cannot: the root is no
 * meta-schema definition): an array of `{name, private, summary, description, params, data}`,
 * names unique, every `{placeholder}` of a name declared once in `params` (and nothing more),
 * `data` a schema whose `$ref`s resolve. An absent `x-channels` is fine.
 */
export function lintChannels(document: OpenrpcDocument): SpecProblem[] {
  const doc = document as unknown as Obj;
  const channels = doc["x-channels"];
  if (channels === undefined) return [];
  if (!Array.isArray(channels))
    return [
      {
        where: "x-channels",
        field: "(root)",
        message: `expected an array of channels, but got ${JSON.stringify(channels)}`,
      },
    ];
  const schemas = (doc.components?.schemas ?? {}) as Obj;
  const out: SpecProblem[] = [];
  const seen = new Set<string>();
  channels.forEach((channel: Obj, i: number) => {
    const where = `x-channels[${i}]${typeof channel?.name === "string" ? ` "${channel.name}"` : ""}`;
    const add = (field: string, message: string) => out.push({ where, field, message });
    if (typeof channel !== "object" || channel === null) {
      add("(channel)", `expected an object, but got ${JSON.stringify(channel)}`);
      return;
    }
    if (typeof channel.name !== "string" || channel.name === "") {
      add("name", `expected a channel name pattern, but got ${JSON.stringify(channel.name)}`);
      return;
    }
    if (seen.has(channel.name)) add("name", "is declared twice: names are unique");
    seen.add(channel.name);
    if (typeof channel.private !== "boolean")
      add("private", `expected true or false, but got ${JSON.stringify(channel.private)}`);
    for (const key of ["summary", "description"])
      if (typeof channel[key] !== "string" || channel[key] === "") add(key, "missing");
    const params = Array.isArray(channel.params) ? (channel.params as Obj[]) : undefined;
    if (params === undefined)
      add("params", "missing: an array of {name, schema}, one per placeholder");
    const declared = (params ?? []).map((p) => p?.name);
    const used = channelPlaceholders(channel.name);
    for (const name of used)
      if (!declared.includes(name))
        add("params", `the placeholder {${name}} has no param: declare {name: "${name}", schema}`);
    (params ?? []).forEach((param, j) => {
      if (!used.includes(param?.name))
        add(`params[${j}]`, `"${param?.name}" is no placeholder of the name`);
      if (typeof param?.schema !== "object" || param.schema === null)
        add(`params[${j}].schema`, "missing");
    });
    if (typeof channel.data !== "object" || channel.data === null) {
      add("data", "missing: the schema of the notifications' `data`");
      return;
    }
    const ref = channel.data.$ref;
    if (
      typeof ref === "string" &&
      (!ref.startsWith(SCHEMA_PREFIX) || !schemas[ref.slice(SCHEMA_PREFIX.length)])
    )
      add("data.$ref", `${ref} resolves to no schema in components.schemas`);
  });
  return out;
}
