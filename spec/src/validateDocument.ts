import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import { validateOpenRPCDocument } from "@open-rpc/schema-utils-js";
import type { SpecProblem } from "./SpecProblem.js";

/**
 * Validates a document against the OpenRPC meta-schema (with the document's own `x-extensions`
 * applied, so our extension fields are validated too). Returns the problems, empty when valid.
 */
export function validateDocument(document: OpenrpcDocument): SpecProblem[] {
  const result = validateOpenRPCDocument(document as never);
  if (result === true) return [];
  const text = result.message;
  const start = text.indexOf("[");
  const errors = JSON.parse(text.slice(start)) as {
    instancePath?: string;
    dataPath?: string;
    message?: string;
    params?: unknown;
  }[];
  return errors.map((error) => {
    const path = error.instancePath ?? error.dataPath ?? "";
    const method = /^\/methods\/(\d+)(.*)$/.exec(path) ?? /^\.methods\[(\d+)\](.*)$/.exec(path);
    const name = method
      ? (document.methods[Number(method[1])] as { name?: string })?.name
      : undefined;
    return {
      where: name ?? "document",
      field: (method ? method[2] : path) || "(root)",
      message: `${error.message ?? "invalid"} ${JSON.stringify(error.params ?? {})} (OpenRPC meta-schema)`,
    };
  });
}
