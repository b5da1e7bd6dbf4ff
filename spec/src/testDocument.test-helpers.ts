import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import { assembleDocument } from "./assembleDocument.js";
import { loadSpecSources } from "./loadSpecSources.js";
import { sourcesDir } from "./paths.js";

/** A fresh, mutable copy of the document assembled from the sources, for tests that break it. */
export function freshDocument(): any {
  return structuredClone(assembleDocument(loadSpecSources(sourcesDir))) as OpenrpcDocument;
}

/** The method named `name` of a document (tests only). */
export function methodOf(document: any, name: string): any {
  const method = document.methods.find((m: { name: string }) => m.name === name);
  if (!method) throw new Error(`no method ${name}`);
  return method;
}
