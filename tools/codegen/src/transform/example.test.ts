import { describe, expect, test } from "vitest";
import { createContext } from "../context.js";
import { readDocument } from "../document.js";
import { exampleLiteral, exampleParams, transformExample } from "./example.js";

const ctx = createContext(
  readDocument({
    openrpc: "1.3.2",
    info: { title: "t", version: "1" },
    methods: [
      {
        name: "math/add",
        paramStructure: "by-position",
        params: [
          { name: "a", required: true, schema: { type: "number" } },
          { name: "b", schema: { type: "number" } },
          { name: "c", schema: { type: "number" } },
        ],
        result: { name: "sum", schema: { type: "number" } },
        examples: [
          {
            name: "ok",
            params: [
              { name: "a", value: 1 },
              { name: "b", value: 2 },
            ],
            result: { name: "sum", value: 3 },
          },
          {
            name: "bad",
            params: [{ name: "a", value: "x" }],
            "x-error": { code: -32602, message: "Invalid params", data: { param: "a" } },
          },
        ],
      },
    ],
  }),
  { target: "client" },
);
const method = ctx.methods[0]!;

describe("transformExample: example pairing -> @example", () => {
  const cases: [index: number, want: string][] = [
    [0, "```ts\nconst result = await add(transport, { a: 1, b: 2 });\n// => 3\n```"],
    [
      1,
      '```ts\nawait add(transport, { a: "x" });\n// rejects with InvalidParamsError: -32602 Invalid params, data {"param":"a"}\n```',
    ],
  ];
  test.each(cases)("example %i", (index, want) => {
    expect(
      transformExample(
        method.examples[index]!,
        method,
        (code) => ctx.errors.find((e) => e.code === code)?.className,
      ),
    ).toBe(want);
  });

  test("by-position params are sent as an array without trailing gaps", () => {
    expect(exampleParams(method.examples[0]!, method)).toEqual([1, 2]);
  });

  const literals: [given: unknown, want: string][] = [
    [{ a: 1, "b-c": "x", __proto__x: null }, '{ a: 1, "b-c": "x", __proto__x: null }'],
    [[], "[]"],
    [{}, "{}"],
    [{ long: "x".repeat(90) }, `{\n  long: "${"x".repeat(90)}",\n}`],
  ];
  test.each(literals)("exampleLiteral(%j)", (given, want) => {
    expect(exampleLiteral(given)).toBe(want);
  });
});

test("@example blocks are cut to a readable size: long strings and long params", async () => {
  const { transformExample } = await import("./example.js");
  const long = "0x" + "ab".repeat(200);
  const params = Array.from({ length: 30 }, (_, i) => ({ name: `p${i}`, value: i }));
  const method = { key: "deploy", paramStructure: "by-name", params: [] } as never;
  const text = transformExample(
    {
      name: "x",
      summary: undefined,
      description: undefined,
      params: [{ name: "code", value: long }, ...params],
      result: { value: long },
      error: undefined,
    },
    method,
    () => undefined,
  );
  expect(text.split("\n").length).toBeLessThanOrEqual(20);
  expect(text).not.toContain("ab".repeat(40));
  expect(text).toContain("…");
  expect(text).toContain("// ...");
});
