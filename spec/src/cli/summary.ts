#!/usr/bin/env node
// Validates the assembled spec and prints a summary of it: the README's main job until the
// conformance suite lands.
import { readFileSync } from "node:fs";
import type { OpenrpcDocument } from "@open-rpc/meta-schema";
import { assembleDocument, serializeDocument } from "../assembleDocument.js";
import { checkDocument } from "../checkDocument.js";
import { loadSpecSources } from "../loadSpecSources.js";
import { methodErrors } from "../methodErrors.js";
import { openrpcPath, sourcesDir } from "../paths.js";
import { formatProblems } from "../SpecProblem.js";
import type { UnwindDocument } from "../UnwindDocument.js";

const text = readFileSync(openrpcPath, "utf8");
const document = JSON.parse(text) as UnwindDocument;
const doc = document as unknown as OpenrpcDocument;
const rows = document.methods.map((m) => [
  m.name,
  m["x-auth"]?.private ? `private (${m["x-auth"].scope})` : "public",
  m["x-matching-engine"] ? "yes" : "",
  String(m.params.length),
  methodErrors(doc, m)
    .map((e) => e.code)
    .join(" "),
  String(m.examples?.length ?? 0),
]);
const head = ["method", "auth", "engine", "params", "errors", "examples"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (r: string[]) =>
  r
    .map((c, i) => c.padEnd(widths[i] as number))
    .join("  ")
    .trimEnd();

console.log(`${document.info.title} ${document.info.version} (OpenRPC ${document.openrpc})`);
for (const server of document.servers ?? [])
  console.log(`  server ${server.name ?? ""} ${server.url}`);
console.log("");
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log("");
console.log(
  `${document.methods.length} methods, ${Object.keys(document.components?.schemas ?? {}).length} schemas, ${Object.keys(document.components?.errors ?? {}).length} errors in ${document["x-error-groups"].length} groups`,
);

const fresh = serializeDocument(assembleDocument(loadSpecSources(sourcesDir)));
const problems = checkDocument(doc);
if (fresh !== text) console.error(`\n${openrpcPath} is stale: run \`pnpm generate\` and commit it`);
if (problems.length) console.error(`\n${problems.length} problem(s):\n${formatProblems(problems)}`);
if (fresh !== text || problems.length) process.exit(1);
console.log("spec valid: OpenRPC meta-schema, lint and examples all pass");
