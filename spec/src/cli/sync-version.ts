#!/usr/bin/env node
// Run after `changeset version`: the spec's info.version follows @unwind/spec's version, the
// assembled document is rewritten, and the API surface of this release is recorded.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { apiSurface } from "../apiSurface.js";
import { assembleDocument, serializeDocument } from "../assembleDocument.js";
import { loadSpecSources } from "../loadSpecSources.js";
import { openrpcPath, sourcesDir, specDir } from "../paths.js";

const { version } = JSON.parse(readFileSync(join(specDir, "package.json"), "utf8"));
const headerPath = join(sourcesDir, "openrpc.yaml");
const header = readFileSync(headerPath, "utf8");
const updated = header.replace(
  /^(info:\n(?:[ \t]+.*\n)*?[ \t]+version:[ \t]*)(\S+)/m,
  `$1${version}`,
);
if (!/^info:/m.test(header))
  throw new Error(`${headerPath}: expected an "info:" block with a version`);
writeFileSync(headerPath, updated);
const document = assembleDocument(loadSpecSources(sourcesDir));
writeFileSync(openrpcPath, serializeDocument(document));
const surface = { version, methods: apiSurface(document) };
writeFileSync(join(specDir, "api-surface.json"), `${JSON.stringify(surface, null, 2)}\n`);
console.log(`spec version ${version}: openrpc.yaml, openrpc.json and api-surface.json updated`);
