import { describe, expect, test } from "vitest";
import type { Schema } from "../document.js";
import { NameRegistry } from "../NameRegistry.js";
import { TypeRegistry } from "../TypeRegistry.js";
import { print } from "../ts.js";
import { transformNamedSchema, transformSchema } from "./schema.js";

const components: Record<string, Schema> = {
  Pet: { title: "Pet", type: "object", properties: { name: { type: "string" } } },
  "pet-list": { type: "array", items: { $ref: "#/components/schemas/Pet" } },
  Tree: {
    type: "object",
    properties: { children: { type: "array", items: { $ref: "#/components/schemas/Tree" } } },
  },
};

/** The type text of a schema where it is used, and the names it hoisted. */
function typeOf(schema: Schema): string {
  const types = new TypeRegistry({ components: { schemas: components } }, new NameRegistry());
  types.claimComponents(components);
  const text = print(transformSchema(schema, { types }, "Root")).replace(/\s+/g, " ");
  const hoisted = types.takeQueued().map((n) => n.name);
  return hoisted.length > 0 ? `${text} + ${hoisted.join(", ")}` : text;
}

describe("transformSchema: schema -> TypeScript type", () => {
  const cases: [name: string, given: Schema, want: string][] = [
    ["true is unknown", true, "unknown"],
    ["false is never", false, "never"],
    ["empty schema is unknown", {}, "unknown"],
    ["string", { type: "string" }, "string"],
    ["integer and number are number", { type: "integer" }, "number"],
    ["boolean", { type: "boolean" }, "boolean"],
    ["null", { type: "null" }, "null"],
    ["nullable type array", { type: ["string", "null"] }, "string | null"],
    ["integer and number together", { type: ["integer", "number"] }, "number"],
    ["OpenAPI nullable", { type: "integer", nullable: true }, "number | null"],
    ["string enum", { type: "string", enum: ["a", "b"] }, '"a" | "b"'],
    ["mixed enum", { enum: ["a", 1, -2.5, true, null] }, '"a" | 1 | -2.5 | true | null'],
    ["const", { const: "limit" }, '"limit"'],
    ["object const", { const: { a: [1] } }, "{ a: [1]; }"],
    ["$ref to a titled component", { $ref: "#/components/schemas/Pet" }, "Pet"],
    ["$ref to an untitled component", { $ref: "#/components/schemas/pet-list" }, "PetList"],
    ["$ref outside the document", { $ref: "https://example.com/x.json" }, "unknown"],
    [
      "$ref into a component",
      { $ref: "#/components/schemas/Pet/properties/name" },
      "PetName + PetName",
    ],
    ["array", { type: "array", items: { type: "string" } }, "string[]"],
    ["array without items", { type: "array" }, "unknown[]"],
    [
      "array of a union",
      { type: "array", items: { type: ["string", "number"] } },
      "(string | number)[]",
    ],
    [
      "fixed length array",
      { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 },
      "[number, number]",
    ],
    [
      "tuple (items array), open",
      { type: "array", items: [{ type: "string" }] },
      "[string?, ...unknown[]]",
    ],
    [
      "tuple, closed, minItems",
      {
        type: "array",
        items: [{ type: "string" }, { type: "integer" }],
        minItems: 1,
        additionalItems: false,
      },
      "[string, number?]",
    ],
    [
      "prefixItems with items",
      { type: "array", prefixItems: [{ type: "boolean" }], items: { type: "string" }, minItems: 1 },
      "[boolean, ...string[]]",
    ],
    ["object without properties is open", { type: "object" }, "{ [key: string]: unknown; }"],
    [
      "additionalProperties false without properties",
      { type: "object", additionalProperties: false },
      "Record<string, never>",
    ],
    [
      "additionalProperties schema",
      { type: "object", additionalProperties: { type: "integer" } },
      "{ [key: string]: number; }",
    ],
    [
      "patternProperties",
      {
        type: "object",
        patternProperties: { "^x-": { type: "string" } },
        additionalProperties: false,
      },
      "{ [key: string]: string; }",
    ],
    [
      "object with properties is hoisted",
      { type: "object", properties: { a: { type: "string" } } },
      "Root + Root",
    ],
    [
      "titled schema is hoisted under its title",
      { title: "Colour choice", enum: ["red"] },
      "ColourChoice + ColourChoice",
    ],
    [
      "oneOf",
      { oneOf: [{ type: "string" }, { $ref: "#/components/schemas/Pet" }] },
      "string | Pet",
    ],
    ["anyOf dedupes", { anyOf: [{ type: "string" }, { type: "string" }] }, "string"],
    [
      "allOf",
      { allOf: [{ $ref: "#/components/schemas/Pet" }, { $ref: "#/components/schemas/Tree" }] },
      "Pet & Tree",
    ],
    [
      "allOf with an unknown part",
      { allOf: [{ $ref: "#/components/schemas/Pet" }, { description: "x" }] },
      "Pet",
    ],
    [
      "type with oneOf",
      { type: "object", oneOf: [{ $ref: "#/components/schemas/Pet" }] },
      "{ [key: string]: unknown; } & Pet",
    ],
    ["unknown type name", { type: "file" }, "unknown"],
    [
      "required without a property schema",
      { type: "object", required: ["a"], additionalProperties: false },
      "{ a: unknown; }",
    ],
    [
      "properties imply an object (nested)",
      { type: "array", items: { properties: { x: { type: "number" } } } },
      "RootItem[] + RootItem",
    ],
  ];
  test.each(cases)("%s", (_, given, want) => {
    expect(typeOf(given)).toBe(want);
  });
});

describe("transformNamedSchema: named schema -> declaration", () => {
  const declare = (name: string, schema: Schema) => {
    const types = new TypeRegistry({ components: { schemas: components } }, new NameRegistry());
    types.claimComponents(components);
    return print(transformNamedSchema(name, schema, { types }));
  };

  test("an object becomes an interface: required, optional, TSDoc, quoted names, typed extras", () => {
    expect(
      declare("Order", {
        description: "An order.\n\nSecond paragraph with */ inside.",
        type: "object",
        required: ["order_id"],
        properties: {
          order_id: { type: "string", description: "The id." },
          "x-extra": { type: "integer", deprecated: true, default: 0 },
        },
        additionalProperties: { type: "boolean" },
      }),
    ).toMatchInlineSnapshot(`
      "/**
       * An order.
       *
       * Second paragraph with *\\/ inside.
       */
      export interface Order {
          /** The id. */
          order_id: string;
          /**
           * @defaultValue \`0\`
           *
           * @deprecated
           */
          "x-extra"?: number;
          [key: string]: boolean | string | number | undefined;
      }"
    `);
  });

  test("anything else becomes a type alias; recursion goes through the name", () => {
    expect(declare("Tree", components["Tree"]!)).toMatchInlineSnapshot(`
      "export interface Tree {
          children?: Tree[];
      }"
    `);
    expect(
      declare("Json", {
        anyOf: [
          { type: ["string", "null"] },
          { type: "array", items: { $ref: "#/components/schemas/Tree" } },
        ],
      }),
    ).toBe("export type Json = string | null | Tree[];");
  });
});
