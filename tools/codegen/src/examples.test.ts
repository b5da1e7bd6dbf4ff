import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { repoRoot, specPath } from "./committedOutputs.js";
import { generate } from "./generate.js";
import {
  type CheckedOutput,
  fixtureDocuments,
  openRpcExamples,
  typeCheck,
} from "./typeCheck.test-helpers.js";

const documents = [
  ...openRpcExamples(),
  ...fixtureDocuments(),
  { name: "unwind", document: JSON.parse(readFileSync(join(repoRoot, specPath), "utf8")) },
];

describe("every @open-rpc/examples document, the edge cases and our spec", () => {
  test("the examples are all there", () => {
    expect(openRpcExamples().map((d) => d.name)).toEqual([
      "api-with-examples-openrpc",
      "link-example-openrpc",
      "params-by-name-petstore-openrpc",
      "petstore-expanded-openrpc",
      "petstore-openrpc",
      "simple-math-openrpc",
    ]);
  });

  test("client and server output type-checks with zero errors (strict, exactOptionalPropertyTypes)", () => {
    const outputs: CheckedOutput[] = documents.flatMap((d) =>
      (["server", "client"] as const).map((target) => ({
        name: d.name,
        target,
        files: generate(d.document, { target }),
      })),
    );
    expect(typeCheck(outputs)).toEqual([]);
  }, 60_000);

  test("the docs target writes an index, a schemas page and a page per method", () => {
    for (const d of documents) {
      const paths = generate(d.document, { target: "docs" }).map((f) => f.path);
      const methods = (d.document as { methods: unknown[] }).methods.length;
      expect(paths.slice(0, 2)).toEqual(["README.md", "schemas.md"]);
      expect(paths).toHaveLength(2 + methods);
    }
  });
});
