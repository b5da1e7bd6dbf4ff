import { afterEach, describe, expect, test } from "vitest";
import { syntheticDocument } from "./bench/syntheticDocument.bench.js";
import { type GeneratedFile, targetNames } from "./GenerateOptions.js";
import { generate } from "./generate.js";
import { batching, moduleText } from "./renderModule.js";
import { fixtureDocuments } from "./typeCheck.test-helpers.js";

const defaultSize = batching.size;
afterEach(() => {
  batching.size = defaultSize;
});

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("moduleText", () => {
  test("a body in parts gives the same text as the parts joined by a blank line", () => {
    const next = random(13);
    const alphabet = ["\n", "\n", "\n", " ", "\t", "a", "}"];
    for (let run = 0; run < 3000; run++) {
      const parts = Array.from({ length: Math.floor(next() * 5) }, () =>
        Array.from(
          { length: Math.floor(next() * 7) },
          () => alphabet[Math.floor(next() * alphabet.length)],
        ).join(""),
      );
      const joined = moduleText("x.ts", "h", [], parts.join("\n\n")).content;
      expect(moduleText("x.ts", "h", [], parts).content, JSON.stringify(parts)).toBe(joined);
    }
  });
});

describe("output in batches", () => {
  const documents = [
    { name: "synthetic (23 methods)", document: syntheticDocument(23) },
    ...fixtureDocuments(),
  ];
  const all = (document: unknown): GeneratedFile[] =>
    targetNames.flatMap((target) =>
      generate(document, { target }).map((f) => ({ ...f, path: `${target}/${f.path}` })),
    );

  test.each(documents.map((d) => [d.name, d.document] as const))(
    "%s: batches of 1, 2 and 4 give the bytes of one batch",
    (_, document) => {
      batching.size = 1_000_000;
      const whole = all(document);
      for (const size of [1, 2, 4]) {
        batching.size = size;
        expect(all(document), `batches of ${size}`).toEqual(whole);
      }
    },
  );
});
