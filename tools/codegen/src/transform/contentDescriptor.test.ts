import { describe, expect, test } from "vitest";
import type { ContentDescriptor, Schema } from "../document.js";
import { NameRegistry } from "../NameRegistry.js";
import { TypeRegistry } from "../TypeRegistry.js";
import { print } from "../ts.js";
import {
  contentDescriptorKind,
  type ParamKind,
  transformContentDescriptor,
} from "./contentDescriptor.js";

const schemas: Record<string, Schema> = {
  Decimal: { type: "string", pattern: "^[0-9]+$" },
  DecimalInput: { anyOf: [{ $ref: "#/components/schemas/Decimal" }, { type: "number" }] },
  Kind: { type: "string", enum: ["a", "b"] },
};
const document = { components: { schemas } };
const resolve = (ref: string) => new TypeRegistry(document, new NameRegistry()).resolve(ref);

describe("contentDescriptorKind: param schema -> GET query coercion", () => {
  const cases: [given: Schema, want: ParamKind][] = [
    [{ type: "string" }, "string"],
    [{ $ref: "#/components/schemas/Kind" }, "string"],
    [{ type: "integer" }, "integer"],
    [{ type: "number" }, "number"],
    [{ type: ["integer", "number"] }, "number"],
    [{ type: "boolean" }, "boolean"],
    [{ enum: [1, 2] }, "integer"],
    [{ const: true }, "boolean"],
    [{ $ref: "#/components/schemas/DecimalInput" }, "decimal"],
    [{ type: ["string", "number"] }, "decimal"],
    [{ oneOf: [{ type: "string" }, { type: "integer" }] }, "decimal"],
    [{ type: "object" }, "json"],
    [{ type: "array", items: { type: "string" } }, "json"],
    [{ type: ["string", "null"] }, "json"],
    [{ oneOf: [{ type: "string" }, { type: "boolean" }] }, "json"],
    [{}, "json"],
    [true, "json"],
    [{ $ref: "https://example.com/outside.json" }, "json"],
    [{ type: "string", anyOf: [{ pattern: "^a" }, { pattern: "^b" }] }, "string"],
    [{ allOf: [{ $ref: "#/components/schemas/Kind" }, { minLength: 1 }] }, "string"],
  ];
  test.each(cases)("%j -> %s", (given, want) => {
    expect(contentDescriptorKind(given, resolve)).toBe(want);
  });
});

describe("transformContentDescriptor: param -> member of XParameters", () => {
  const member = (descriptor: ContentDescriptor) => {
    const types = new TypeRegistry(document, new NameRegistry());
    types.claimComponents(schemas);
    const text = print(transformContentDescriptor(descriptor, { types }, "ClosePositionParams"));
    return [text, ...types.takeQueued().map((n) => n.name)];
  };
  const cases: [given: ContentDescriptor, want: string[]][] = [
    [
      { name: "instrument_name", required: true, schema: { type: "string" } },
      ["instrument_name: string;"],
    ],
    [
      {
        name: "price",
        schema: { $ref: "#/components/schemas/DecimalInput" },
        description: "Optional price.",
      },
      ["/** Optional price. */\nprice?: DecimalInput;"],
    ],
    [
      { name: "order-id", required: true, deprecated: true, schema: { type: "integer" } },
      ['/** @deprecated */\n"order-id": number;'],
    ],
    [
      { name: "filter", schema: { type: "object", properties: { a: { type: "string" } } } },
      ["filter?: ClosePositionParamsFilter;", "ClosePositionParamsFilter"],
    ],
    [{ name: "untyped" }, ["untyped?: unknown;"]],
  ];
  test.each(cases)("%j", (given, want) => {
    expect(member(given)).toEqual(want);
  });
});
