import type { ts } from "ts-morph";
import type { MethodModel } from "./model.js";
import { transformMethod } from "./transform/method.js";
import { transformNamedSchema } from "./transform/schema.js";
import type { NamedSchema, TypeRegistry } from "./TypeRegistry.js";

/**
 * Every declaration of `types.ts`, in a fixed order: each component schema followed by the types
 * hoisted out of it, then each method's types followed by theirs.
 */
export function collectTypes(
  scope: { readonly types: TypeRegistry },
  components: readonly NamedSchema[],
  methods: readonly MethodModel[],
): ts.Statement[] {
  const out: ts.Statement[] = [];
  const drain = () => {
    for (let queued = scope.types.takeQueued(); queued.length > 0; queued = scope.types.takeQueued()) {
      for (const named of queued) out.push(transformNamedSchema(named.name, named.schema, scope));
    }
  };
  for (const named of components) {
    out.push(transformNamedSchema(named.name, named.schema, scope));
    drain();
  }
  for (const method of methods) {
    out.push(...transformMethod(method, scope));
    drain();
  }
  return out;
}
