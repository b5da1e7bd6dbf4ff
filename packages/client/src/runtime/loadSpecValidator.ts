import { ClientError } from "./ClientError.js";
import { ResultValidationError } from "./ResultValidationError.js";
import type { ResultValidator } from "./ResultValidator.js";

/**
 * Builds a `ResultValidator` from the spec's result schemas. `@unwind/spec` (Node only, it reads
 * `openrpc.json` from disk) is imported on first use, so nobody pays for it who does not ask.
 */
export async function loadSpecValidator(): Promise<ResultValidator> {
  let spec: typeof import("@unwind/spec");
  try {
    spec = await import("@unwind/spec");
  } catch (cause) {
    throw new ClientError("validateResults: true needs the @unwind/spec package.", {
      cause,
      details: "install @unwind/spec next to @unwind/client, or pass validateResults a function",
    });
  }
  // UnwindDocument narrows `methods`, which hides OpenrpcDocument's required members from tsc.
  const compile = spec.createSchemaCompiler(
    spec.openrpc as unknown as Parameters<typeof spec.createSchemaCompiler>[0],
  );
  const schemas = new Map<string, unknown>();
  for (const method of spec.openrpc.methods) {
    schemas.set(method.name, (method.result as { schema?: unknown } | undefined)?.schema);
  }
  return (method, result) => {
    const schema = schemas.get(method.startsWith("/") ? method.slice(1) : method);
    if (schema === undefined) return;
    const validate = compile(schema);
    if (!validate(result)) {
      throw new ResultValidationError(spec.formatSchemaErrors(validate), { method, result });
    }
  };
}
