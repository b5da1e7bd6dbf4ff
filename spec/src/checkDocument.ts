import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import { checkExamples } from "./checkExamples.js";
import { lintDocument } from "./lintDocument.js";
import type { SpecProblem } from "./SpecProblem.js";
import { validateDocument } from "./validateDocument.js";

/** Runs every spec check: the OpenRPC meta-schema, the lint and the examples. */
export function checkDocument(document: OpenrpcDocument): SpecProblem[] {
  return [...validateDocument(document), ...lintDocument(document), ...checkExamples(document)];
}
