import type { OpenrpcDocument } from "@open-rpc/meta-schema";

/** A JSON-RPC error a method declares, resolved from its `$ref`. */
export interface DeclaredError {
  name: string;
  code: number;
  message: string;
}

/** Resolves a method's `errors` (refs into `components.errors` or inline) to name, code and message. */
export function methodErrors(
  document: OpenrpcDocument,
  method: { errors?: unknown[] },
): DeclaredError[] {
  const components = (document.components?.errors ?? {}) as Record<string, DeclaredError>;
  return (method.errors ?? []).map((entry) => {
    const ref = (entry as { $ref?: string }).$ref;
    if (ref === undefined) {
      const inline = entry as DeclaredError;
      return { name: inline.message, code: inline.code, message: inline.message };
    }
    const name = ref.replace("#/components/errors/", "");
    const error = components[name];
    if (!error) throw new Error(`unresolved error reference ${ref}`);
    return { name, code: error.code, message: error.message };
  });
}
