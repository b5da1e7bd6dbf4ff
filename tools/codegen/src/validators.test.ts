import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ts } from "ts-morph";
import { afterAll, describe, expect, test } from "vitest";
import { createContext } from "./context.js";
import { readDocument } from "./document.js";
import { generate } from "./generate.js";
import { indentCode } from "./targets/validatorsModule.js";

const dir = mkdtempSync(join(tmpdir(), "unwind-validators-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const document = readDocument({
  openrpc: "1.3.2",
  info: { title: "t", version: "1" },
  methods: [
    {
      name: "private/close_position",
      params: [
        { name: "instrument_name", required: true, schema: { $ref: "#/components/schemas/Name" } },
        { name: "type", required: true, schema: { type: "string", enum: ["limit"] } },
        { name: "price", schema: { $ref: "#/components/schemas/DecimalInput" } },
      ],
      result: { name: "r", schema: true },
    },
    {
      name: "tree",
      params: [{ $ref: "#/components/contentDescriptors/Root" }],
      result: { name: "r", schema: true },
    },
  ],
  components: {
    contentDescriptors: {
      Root: { name: "root", required: true, schema: { $ref: "#/components/schemas/Node" } },
    },
    schemas: {
      Name: {
        type: "string",
        minLength: 1,
        description: "Annotations are dropped from the generated code.",
      },
      Decimal: { type: "string", pattern: "^-?[0-9]+(\\.[0-9]+)?$" },
      DecimalInput: { anyOf: [{ $ref: "#/components/schemas/Decimal" }, { type: "number" }] },
      Node: {
        type: "object",
        properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } } },
        additionalProperties: false,
      },
    },
  },
});

/** Compiles validators.ts to JavaScript, loads it in a fresh Node (ESM), runs the calls. */
function runInNode(
  unknownParams: "reject" | "ignore",
  calls: [method: string, params: unknown][],
): unknown[] {
  const file = generate(document, { target: "server", unknownParams }).find(
    (f) => f.path === "validators.ts",
  )!;
  const js = ts.transpileModule(file.content, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const path = join(dir, `validators-${unknownParams}.mjs`);
  writeFileSync(path, js);
  const script = `import { validators } from ${JSON.stringify(path)};
const out = ${JSON.stringify(calls)}.map(([m, p]) => { const v = validators[m]; const ok = v(p); return ok ? true : v.errors[0]; });
console.log(JSON.stringify(out));`;
  return JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }),
  );
}

describe("validators.ts", () => {
  test("loads in Node ESM without importing anything and validates by-name params", () => {
    const results = runInNode("reject", [
      [
        "private/close_position",
        { instrument_name: "BTC-PERPETUAL", type: "limit", price: "50000.5" },
      ],
      ["private/close_position", { instrument_name: "BTC-PERPETUAL", type: "limit", price: 50000 }],
      ["private/close_position", { type: "limit" }],
      ["private/close_position", { instrument_name: "", type: "limit" }],
      ["private/close_position", { instrument_name: "X", type: "market" }],
      ["private/close_position", { instrument_name: "X", type: "limit", pirce: "1" }],
      ["tree", { root: { children: [{ children: [] }] } }],
      ["tree", { root: { children: [{ leaves: [] }] } }],
    ]);
    expect(results).toMatchObject([
      true,
      true,
      { keyword: "required", params: { missingProperty: "instrument_name" } },
      { keyword: "minLength", instancePath: "/instrument_name" },
      { keyword: "enum", instancePath: "/type", params: { allowedValues: ["limit"] } },
      { keyword: "additionalProperties", params: { additionalProperty: "pirce" } },
      true,
      { keyword: "additionalProperties", instancePath: "/root/children/0" },
    ]);
  });

  test("unknownParams: ignore lets params the method does not declare through", () => {
    expect(
      runInNode("ignore", [
        ["private/close_position", { instrument_name: "X", type: "limit", extra: 1 }],
      ]),
    ).toEqual([true]);
  });

  test("the code carries no annotations, no require() and no unused schema constants", () => {
    const ctx = createContext(document, { target: "server" });
    const file = generate(document, { target: "server" }).find((f) => f.path === "validators.ts")!;
    expect(file.content).not.toContain("Annotations are dropped");
    expect(file.content).not.toMatch(/\brequire\(/);
    expect(file.content).toContain("function ucs2length(str)");
    expect(ctx.methods).toHaveLength(2);
  });

  test("indentCode indents by brace depth, skipping strings", () => {
    expect(
      indentCode('function f(a){\nif(a){\nconst s = "}{";\n}\nelse {\nreturn [\n1];\n}\n}'),
    ).toBe(
      'function f(a){\n  if(a){\n    const s = "}{";\n  }\n  else {\n    return [\n      1];\n  }\n}',
    );
  });
});

test("past one chunk of methods, each chunk compiles alone and every method keeps its validator", async () => {
  const { syntheticDocument } = await import("./bench/syntheticDocument.bench.js");
  const { validatorChunk } = await import("./targets/validatorsModule.js");
  const count = validatorChunk * 2 + 5;
  const file = generate(syntheticDocument(count), { target: "server" }).find(
    (f) => f.path === "validators.ts",
  )!;
  expect(file.content).toContain("const chunk2 = (() => {");
  const js = ts.transpileModule(file.content, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const path = join(dir, "validators-chunked.mjs");
  writeFileSync(path, js);
  const script = `import { validators } from ${JSON.stringify(path)};
const names = Object.keys(validators);
const good = names.every((m) => validators[m]({ thing: { id: "0x1" } }));
const bad = names.filter((m) => !validators[m]({ thing: { id: "nope" } })).length;
console.log(JSON.stringify({ count: names.length, good, bad }));`;
  const out = JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }),
  );
  expect(out).toEqual({ count, good: true, bad: count });
}, 120_000);
