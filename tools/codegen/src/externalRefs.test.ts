import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { resolveExternalRefs } from "./externalRefs.js";
import { generate } from "./generate.js";
import { main } from "./runCli.js";
import { typeCheck } from "./typeCheck.test-helpers.js";

const split = fileURLToPath(new URL("../fixtures/documents/split/openrpc.json", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "unwind-external-refs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]): { code: number; err: string } {
  const err: string[] = [];
  const sink = (to: string[]) => ({ write: (s: string) => to.push(s) > 0 });
  const code = main(argv, sink([]), sink(err));
  return { code, err: err.join("") };
}

/** Writes `files` (path -> JSON value or YAML text) under a fresh directory; returns it. */
function documents(name: string, files: Record<string, unknown>): string {
  const root = join(dir, name);
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(
      join(root, path),
      typeof value === "string" ? value : `${JSON.stringify(value, null, 2)}\n`,
    );
  }
  return root;
}

function withParam(schema: unknown): unknown {
  return {
    openrpc: "1.3.2",
    info: { title: "t", version: "1" },
    methods: [{ name: "m", params: [{ name: "p", schema }], result: { name: "r", schema: true } }],
  };
}

describe("resolveExternalRefs", () => {
  const resolved = resolveExternalRefs(JSON.parse(readFileSync(split, "utf8")), split) as {
    methods: { params: unknown[]; errors?: unknown[] }[];
    components: { schemas: Record<string, unknown> };
  };

  test("refs into JSON and YAML files, nested and cyclic across files, become local", () => {
    expect(JSON.stringify(resolved)).not.toMatch(/"\$ref":"[^#]/);
    expect(Object.keys(resolved.components.schemas)).toEqual([
      "Tx",
      "Quantity",
      "Block",
      "TxRef",
      "Hash",
    ]);
    expect(resolved.components.schemas.Block).toMatchObject({
      properties: {
        number: { $ref: "#/components/schemas/Quantity" },
        parent: { $ref: "#/components/schemas/Block" },
        transactions: { items: { $ref: "#/components/schemas/TxRef" } },
      },
    });
    // Back into the document itself, and around the cycle Block -> TxRef -> Block.
    expect(resolved.components.schemas.TxRef).toMatchObject({
      properties: {
        block: { $ref: "#/components/schemas/Block" },
        full: { $ref: "#/components/schemas/Tx" },
      },
    });
    // Content descriptors and errors of other files are copied in place.
    expect(resolved.methods[0]!.params[0]).toEqual({
      name: "number",
      required: true,
      schema: { $ref: "#/components/schemas/Quantity" },
    });
    expect(resolved.methods[0]!.errors).toEqual([{ code: 4004, message: "not found" }]);
  });

  test("the split document generates client and server code that type-checks", () => {
    const outputs = (["client", "server"] as const).map((target) => ({
      name: `split-${target}`,
      target,
      files: generate(resolved, { target }),
    }));
    const types = outputs[0]!.files.find((f) => f.path === "types.ts")!.content;
    expect(types).toContain(
      "export interface Block {\n  number: Quantity;\n  parent?: Block;\n  transactions?: TxRef[];\n}",
    );
    expect(typeCheck(outputs)).toEqual([]);
  });

  test("a document without refs to other files comes back as it is", () => {
    const document = withParam({ $ref: "#/components/schemas/X" });
    expect(resolveExternalRefs(document, "/nowhere/openrpc.json")).toBe(document);
  });

  test("a file is read once however many refs point into it", () => {
    const reads: string[] = [];
    resolveExternalRefs(JSON.parse(readFileSync(split, "utf8")), split, (path) => {
      reads.push(path);
      return readFileSync(path, "utf8");
    });
    expect(reads.map((p) => p.slice(dirname(split).length + 1)).sort()).toEqual([
      "other/schemas.json",
      "params.json",
      "types.yaml",
    ]);
  });

  test("a cycle of content descriptor refs is an error, not a hang", () => {
    const root = documents("loop", {
      "openrpc.json": {
        openrpc: "1.3.2",
        info: { title: "t", version: "1" },
        methods: [{ name: "m", params: [{ $ref: "./d.json#/A" }] }],
      },
      "d.json": { A: { $ref: "#/B" }, B: { $ref: "#/A" } },
    });
    expect(() =>
      resolveExternalRefs(readJson(join(root, "openrpc.json")), join(root, "openrpc.json")),
    ).toThrow(/leads back to itself/);
  });
});

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"));
}

describe("the CLI and refs to other files", () => {
  test("--spec with refs into JSON and YAML files generates (exit 0)", () => {
    const out = join(dir, "split-client");
    expect(run("--spec", split, "--target", "client", "--out", out)).toMatchObject({ code: 0 });
    expect(readFileSync(join(out, "types.ts"), "utf8")).toContain("export interface TxRef {");
  });

  test("a YAML --spec is read", () => {
    const root = documents("yaml-spec", {
      "openrpc.yaml": [
        'openrpc: "1.3.2"',
        "info: { title: t, version: '1' }",
        "methods:",
        "  - name: m",
        "    params: [{ name: p, schema: { $ref: 'types.json#/P' } }]",
        "    result: { name: r, schema: { type: string } }",
        "",
      ].join("\n"),
      "types.json": { P: { type: "integer" } },
    });
    const out = join(root, "out");
    expect(
      run("--spec", join(root, "openrpc.yaml"), "--target", "client", "--out", out),
    ).toMatchObject({ code: 0 });
    expect(readFileSync(join(out, "types.ts"), "utf8")).toContain("export type P = number;");
  });

  test.each([
    [
      "a file that is not there",
      { "openrpc.json": withParam({ $ref: "./missing.json#/X" }) },
      [
        '#/methods/0/params/0/schema/$ref: could not resolve $ref "./missing.json#/X"',
        "the file cannot be read",
        "missing.json",
      ],
    ],
    [
      "a pointer that resolves to nothing in the file",
      { "openrpc.json": withParam({ $ref: "./types.json#/Nope" }), "types.json": { X: {} } },
      ['$ref "./types.json#/Nope"', "#/Nope resolves to nothing in that file", "types.json"],
    ],
    [
      "a nested ref to a missing file names the file that holds it",
      {
        "openrpc.json": withParam({ $ref: "./a.yaml#/A" }),
        "a.yaml": "A: { $ref: './gone.yaml#/B' }\n",
      },
      [
        '#/components/schemas/A/$ref: could not resolve $ref "./gone.yaml#/B"',
        "a.yaml",
        "gone.yaml",
      ],
    ],
    [
      "a file that is no JSON",
      { "openrpc.json": withParam({ $ref: "./bad.json#/X" }), "bad.json": "{ not json" },
      ['$ref "./bad.json#/X"', "the file is no JSON", "bad.json"],
    ],
    [
      "a URL",
      { "openrpc.json": withParam({ $ref: "https://example.com/s.json#/X" }) },
      ["only files relative to the document are read, not URLs"],
    ],
  ])("%s: exit 3 naming the ref and the file", (name, files, messages) => {
    const root = documents(name.replace(/\W+/g, "-"), files);
    const result = run(
      "--spec",
      join(root, "openrpc.json"),
      "--target",
      "client",
      "--out",
      join(root, "out"),
    );
    expect(result.code).toBe(3);
    for (const message of messages) expect(result.err).toContain(message);
  });
});
