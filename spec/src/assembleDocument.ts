import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import type { SpecSources } from "./loadSpecSources.js";

/**
 * Assembles the sources into one OpenRPC document: methods in the header's order, schemas and
 * errors under `components`, tags declared in the header moved to `components.tags`, error groups
 * recorded in `x-error-groups`. Pure and deterministic: same sources, same document.
 */
export function assembleDocument(sources: SpecSources): OpenrpcDocument {
  const { methods: order, tags, ...header } = sources.header;
  const listed = new Set(order);
  for (const name of sources.methods.keys()) {
    if (!listed.has(name)) {
      throw new Error(
        `methods/${name}.yaml is not listed in openrpc.yaml "methods". Add "${name}" to the list, or delete the file`,
      );
    }
  }
  const methods = order.map((name) => {
    const method = sources.methods.get(name);
    if (!method)
      throw new Error(`openrpc.yaml lists "${name}", but methods/${name}.yaml does not exist`);
    return method;
  });

  const errors: Record<string, { code: number; message: string }> = {};
  const groups = sources.errorGroups.map((group) => {
    const described: Record<string, { code: number; description: string }> = {};
    for (const [name, error] of Object.entries(group.errors ?? {})) {
      if (errors[name])
        throw new Error(`error "${name}" is defined twice (again in ${group.file})`);
      errors[name] = { code: error.code, message: error.message };
      described[name] = { code: error.code, description: error.description };
    }
    return {
      name: group.name,
      description: group.description,
      range: group.range,
      errors: described,
    };
  });

  const schemas: Record<string, unknown> = {};
  for (const [name, { schema }] of sources.schemas) schemas[name] = schema;

  const componentTags: Record<string, unknown> = {};
  const tagList = Array.isArray(tags) ? tags : Object.values((tags as object) ?? {});
  for (const tag of tagList as { name: string }[]) componentTags[tag.name] = tag;

  const { openrpc, info, externalDocs, servers, ...extensions } = header;
  return {
    openrpc,
    info,
    ...(externalDocs ? { externalDocs } : {}),
    servers,
    methods,
    components: { schemas, errors, tags: componentTags },
    ...extensions,
    "x-error-groups": groups,
    "x-extensions": sources.extensions,
  } as unknown as OpenrpcDocument;
}

/** Serialises a document the way it is committed: two-space JSON with a final newline. */
export function serializeDocument(document: OpenrpcDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
