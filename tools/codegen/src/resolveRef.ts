/** Follows a local JSON pointer (`#/components/schemas/Pet`) into the document. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  const path = ref.slice(1);
  if (path === "") return document;
  if (!path.startsWith("/")) return undefined;
  let node: unknown = document;
  for (const raw of path.slice(1).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function isReference(node: unknown): node is { $ref: string } {
  return (
    typeof node === "object" &&
    node !== null &&
    typeof (node as { $ref?: unknown }).$ref === "string"
  );
}

/**
 * Returns the object a `{$ref}` (or a chain of them) points to, or the node itself when it is no
 * reference. For the non-schema nodes of a document: content descriptors, errors, examples, tags.
 */
export function deref<T>(document: unknown, node: T | { $ref: string }, where: string): T {
  let current: unknown = node;
  for (let hops = 0; isReference(current); hops++) {
    const target = resolvePointer(document, current.$ref);
    if (target === undefined || hops > 32) {
      throw new TypeError(
        `could not resolve ${where}. Expected a $ref to a node of this document, but got ${JSON.stringify(current.$ref)}.`,
      );
    }
    current = target;
  }
  return current as T;
}
