import { expect, test } from "vitest";
import { generate } from "../generate.js";
import { typeCheck } from "../typeCheck.test-helpers.js";

const document = {
  openrpc: "1.3.2",
  info: { title: "recursion", version: "1.0.0" },
  methods: [
    {
      name: "move_call",
      params: [
        { name: "value", required: true, schema: { $ref: "#/components/schemas/MoveValue" } },
      ],
      result: { name: "loop", schema: { $ref: "#/components/schemas/A" } },
    },
  ],
  components: {
    schemas: {
      // Sui's MoveValue: a union that holds itself, directly and through an alias
      MoveValue: {
        anyOf: [
          { type: "string" },
          { type: "array", items: { $ref: "#/components/schemas/MoveValue" } },
          { type: "object", additionalProperties: { $ref: "#/components/schemas/MoveValue" } },
          { $ref: "#/components/schemas/MoveValue" },
          { $ref: "#/components/schemas/MoveAlias" },
          // as Sui writes Option<MoveValue>: an inline union holding it again
          { anyOf: [{ $ref: "#/components/schemas/MoveValue" }, { type: "null" }] },
        ],
      },
      MoveAlias: { $ref: "#/components/schemas/MoveValue" },
      // an alias loop: names no type
      A: { $ref: "#/components/schemas/B" },
      B: { $ref: "#/components/schemas/A" },
    },
  },
};

test("self-referencing unions and alias loops compile", () => {
  const outputs = (["client", "server"] as const).map((target) => ({
    name: "recursion",
    target,
    files: generate(document, { target }),
  }));
  expect(typeCheck(outputs)).toEqual([]);
  const types = outputs[0]!.files.find((f) => f.path === "types.ts")!.content;
  expect(types).toContain(
    "export type MoveValue = string | MoveValue[] | {\n  [key: string]: MoveValue;\n} | null;",
  );
  expect(types).toContain("export type A = unknown;");
});
