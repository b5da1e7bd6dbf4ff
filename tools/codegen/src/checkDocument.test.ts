import { expect, test } from "vitest";
import { generate } from "./generate.js";
import { main } from "./runCli.js";

const base = (methods: unknown[], schemas: Record<string, unknown> = {}) => ({
  openrpc: "1.3.2",
  info: { title: "t", version: "1" },
  methods,
  components: { schemas },
});
const method = (name: string, schema: unknown) => ({ name, params: [{ name: "p", schema }] });

test.each([
  [
    "a $ref that resolves to nothing",
    base([method("a", { $ref: "#/components/schemas/Missing" })]),
    '#/methods/0/params/0/schema/$ref: $ref "#/components/schemas/Missing" resolves to nothing in the document.',
  ],
  [
    "a $ref into another file",
    base([method("a", { $ref: "./types.json#/Block" })]),
    '#/methods/0/params/0/schema/$ref: $ref "./types.json#/Block" points outside the document.',
  ],
  [
    "an invalid type",
    base([], { X: { type: "object", properties: { n: { type: "strng" } } } }),
    '#/components/schemas/X/properties/n/type: type "strng" is not a JSON type.',
  ],
  [
    "two methods of one name",
    base([method("a", {}), method("a", {})]),
    '#/methods/1/name: method "a" is already #/methods/0. Expected unique method names.',
  ],
])("%s is an error naming its JSON pointer", (_, document, message) => {
  expect(() => generate(document, { target: "client" })).toThrow(message);
});

test("the CLI exits 3 for such a document", async () => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "codegen-check-"));
  const spec = join(dir, "bad.json");
  writeFileSync(spec, JSON.stringify(base([method("a", { type: "strng" })])));
  let err = "";
  const code = main(
    ["--spec", spec, "--target", "docs", "--out", join(dir, "out")],
    { write: () => true },
    { write: (t: string) => (err += t) },
  );
  expect(code).toBe(3);
  expect(err).toContain("#/methods/0/params/0/schema/type");
});
