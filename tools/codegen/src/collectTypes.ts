import type { ts } from "ts-morph";
import type { Schema } from "./document.js";
import type { MethodModel } from "./model.js";
import type { NamedSchema, TypeRegistry } from "./TypeRegistry.js";
import { transformMethod } from "./transform/method.js";
import { transformNamedSchema } from "./transform/schema.js";

/** One declaration of `types.ts`: a named schema, or one of a method's types (no schema). */
export interface TypeDeclaration {
  readonly name: string;
  readonly schema: Schema | undefined;
  readonly statement: ts.Statement;
}

/**
 * Every declaration of `types.ts`, in a fixed order: each component schema followed by the types
 * hoisted out of it, then each method's types followed by theirs.
 */
export function collectTypes(
  scope: { readonly types: TypeRegistry },
  components: readonly NamedSchema[],
  methods: readonly MethodModel[],
): TypeDeclaration[] {
  const out: TypeDeclaration[] = [];
  const declare = (named: NamedSchema) =>
    out.push({
      name: named.name,
      schema: named.schema,
      statement: transformNamedSchema(named.name, named.schema, scope),
    });
  const drain = () => {
    for (
      let queued = scope.types.takeQueued();
      queued.length > 0;
      queued = scope.types.takeQueued()
    ) {
      for (const named of queued) declare(named);
    }
  };
  for (const named of components) {
    declare(named);
    drain();
  }
  for (const method of methods) {
    for (const statement of transformMethod(method, scope)) {
      out.push({
        name: (statement as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name.text,
        schema: undefined,
        statement,
      });
    }
    drain();
  }
  return out;
}
