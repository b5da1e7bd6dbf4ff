import type { MethodDescriptor, ParamValidator } from "@unwind/server";
import * as server from "@unwind/server";
import { createValidator } from "./createValidator.js";
import { methodSpecs } from "./methodSpecs.js";

/** The method table and params validators `createServer` needs. */
export interface MethodTable {
  readonly methods: Readonly<Record<string, MethodDescriptor>>;
  readonly validators: Readonly<Record<string, ParamValidator>>;
  /** `generated` once `@unwind/server` exports the generated table, else `reference`. */
  readonly source: "generated" | "reference";
}

function referenceTable(): MethodTable {
  const methods: Record<string, MethodDescriptor> = {};
  const validators: Record<string, ParamValidator> = {};
  for (const spec of methodSpecs) {
    methods[spec.name] = {
      name: spec.name,
      handler: spec.handler,
      params: spec.params.map(({ name, required, kind }) => ({ name, required, kind })),
      auth: spec.auth,
      matchingEngine: spec.matchingEngine,
      errors: spec.errors,
    };
    validators[spec.name] = createValidator(spec.params);
  }
  return { methods, validators, source: "reference" };
}

/**
 * The generated method table and validators when `@unwind/server` exports them (`methods`,
 * `validators`), else the reference's own copy of the spec's method list.
 */
export function methodTable(): MethodTable {
  const exported = server as Record<string, unknown>;
  const methods = exported["methods"];
  const validators = exported["validators"];
  if (typeof methods === "object" && methods !== null && typeof validators === "object") {
    return {
      methods: methods as MethodTable["methods"],
      validators: validators as MethodTable["validators"],
      source: "generated",
    };
  }
  return referenceTable();
}

/** The reference's own table, whatever the server exports (for tests that compare the two). */
export const referenceMethodTable: () => MethodTable = referenceTable;
