import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { assembleDocument, serializeDocument } from "./assembleDocument.js";
import { loadSpecSources } from "./loadSpecSources.js";
import { openrpcPath, sourcesDir } from "./paths.js";

describe("assembleDocument", () => {
  test("the committed openrpc.json is up to date with its sources (run `pnpm generate`)", () => {
    const fresh = serializeDocument(assembleDocument(loadSpecSources(sourcesDir)));
    expect(readFileSync(openrpcPath, "utf8")).toBe(fresh);
  });

  test("is deterministic", () => {
    const a = serializeDocument(assembleDocument(loadSpecSources(sourcesDir)));
    const b = serializeDocument(assembleDocument(loadSpecSources(sourcesDir)));
    expect(a).toBe(b);
  });

  test("puts private/close_position first and declares OpenRPC 1.3 or later", () => {
    const document = assembleDocument(loadSpecSources(sourcesDir));
    expect(document.methods[0]).toMatchObject({ name: "private/close_position" });
    expect(document.openrpc).toMatch(/^1\.([3-9]|\d\d)\./);
  });

  test("refuses a listed method without a file, naming it", () => {
    const sources = loadSpecSources(sourcesDir);
    sources.header = { ...sources.header, methods: [...sources.header.methods, "private/nope"] };
    expect(() => assembleDocument(sources)).toThrow(
      /lists "private\/nope", but methods\/private\/nope\.yaml does not exist/,
    );
  });

  test("refuses a method file that is not listed, naming it", () => {
    const sources = loadSpecSources(sourcesDir);
    sources.header = { ...sources.header, methods: sources.header.methods.slice(1) };
    expect(() => assembleDocument(sources)).toThrow(
      /methods\/private\/close_position\.yaml is not listed/,
    );
  });
});
