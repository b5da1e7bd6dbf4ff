#!/usr/bin/env node
// Assembles spec/src/**/*.yaml into spec/openrpc.json (--write) or checks that it is up to date (--check).
import { readFileSync, writeFileSync } from "node:fs";
import { readArgs } from "@unwind/protocol/cli";
import { assembleDocument, serializeDocument } from "../assembleDocument.js";
import { checkDocument } from "../checkDocument.js";
import { loadSpecSources } from "../loadSpecSources.js";
import { openrpcPath, sourcesDir } from "../paths.js";
import { formatProblems } from "../SpecProblem.js";

const argv = process.argv.slice(2);
const read = readArgs(argv, {
  options: { write: { type: "boolean" }, check: { type: "boolean" } },
});
const mode = read.ok && argv.length === 1 ? argv[0] : undefined;
if (mode !== "--write" && mode !== "--check") {
  console.error(
    `usage: assemble --write | --check\n  expected --write or --check, but got ${argv.join(" ") || "nothing"}`,
  );
  process.exit(2);
}
const document = assembleDocument(loadSpecSources(sourcesDir));
const text = serializeDocument(document);
if (mode === "--check") {
  let committed = "";
  try {
    committed = readFileSync(openrpcPath, "utf8");
  } catch {}
  if (committed !== text) {
    console.error(`${openrpcPath} is stale: run \`pnpm generate\` and commit it`);
    process.exit(1);
  }
  console.log(`${openrpcPath} is up to date`);
} else {
  writeFileSync(openrpcPath, text);
  console.log(`wrote ${openrpcPath} (${document.methods.length} methods)`);
}
const problems = checkDocument(document);
if (problems.length) {
  console.error(`${problems.length} problem(s) in the spec:\n${formatProblems(problems)}`);
  process.exit(1);
}
