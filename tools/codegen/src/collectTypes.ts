import type { ts } from "ts-morph";
import type { Schema } from "./document.js";
import type { MethodModel } from "./model.js";
import { declarationText } from "./renderModule.js";
import type { NamedSchema, TypeRegistry } from "./TypeRegistry.js";
import { transformMethod } from "./transform/method.js";
import { transformNamedSchema } from "./transform/schema.js";

/** One declaration of `types.ts`: a named schema, or one of a method's types (no schema). */
export interface TypeDeclaration {
  readonly name: string;
  readonly schema: Schema | undefined;
  /** The declaration as `types.ts` prints it (2-space indents, TSDoc included). */
  readonly text: string;
  /**
   * Its AST, kept only when asked (the docs target reads it): held for every declaration through
   * the whole generation, the ASTs of 20,000 methods' types were half of the context's memory.
   */
  readonly statement: ts.Statement | undefined;
}

/**
 * Every declaration of `types.ts`, in a fixed order: each component schema followed by the types
 * hoisted out of it, then each method's types followed by theirs.
 */
export function collectTypes(
  scope: { readonly types: TypeRegistry },
  components: readonly NamedSchema[],
  methods: readonly MethodModel[],
  keepStatements = false,
): TypeDeclaration[] {
  const out: TypeDeclaration[] = [];
  const add = (name: string, schema: Schema | undefined, statement: ts.Statement) =>
    out.push({
      name,
      schema,
      text: declarationText(statement),
      statement: keepStatements ? statement : undefined,
    });
  const declare = (named: NamedSchema) =>
    add(named.name, named.schema, transformNamedSchema(named.name, named.schema, scope));
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
      add(
        (statement as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name.text,
        undefined,
        statement,
      );
    }
    drain();
  }
  return out;
}
