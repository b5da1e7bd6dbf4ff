import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { methodSpecs } from "./methodSpecs.js";

interface SpecParam {
  name: string;
  required?: boolean;
  schema: Record<string, unknown>;
}
interface SpecMethod {
  name: string;
  params: SpecParam[];
  errors: { $ref: string }[];
  "x-auth": { private: boolean; scope?: string };
  "x-matching-engine"?: boolean;
}
const spec = JSON.parse(
  readFileSync(new URL("../../../../spec/openrpc.json", import.meta.url), "utf8"),
) as {
  methods: SpecMethod[];
  components: {
    schemas: Record<string, Record<string, unknown>>;
    errors: Record<string, { code: number }>;
  };
};

function resolve(schema: Record<string, unknown>): Record<string, unknown> {
  const ref = schema["$ref"];
  return typeof ref === "string" ? spec.components.schemas[ref.split("/").pop()!]! : schema;
}

test("the method table is the spec's method list, in order", () => {
  expect(methodSpecs.map((m) => m.name)).toEqual(spec.methods.map((m) => m.name));
});

test.each(spec.methods.map((m) => [m.name, m] as const))("%s matches the spec", (name, method) => {
  const mine = methodSpecs.find((m) => m.name === name)!;
  expect(mine.auth).toEqual(method["x-auth"]);
  expect(mine.matchingEngine).toBe(method["x-matching-engine"] === true);
  const codes = method.errors.map((e) => spec.components.errors[e.$ref.split("/").pop()!]!.code);
  expect([...mine.errors].sort()).toEqual(codes.sort());
  expect(mine.params.map((p) => [p.name, p.required])).toEqual(
    method.params.map((p) => [p.name, p.required === true]),
  );
  for (const param of method.params) {
    const schema = resolve(param.schema);
    const p = mine.params.find((q) => q.name === param.name)!;
    if (schema["title"] === "DecimalInput") {
      expect(p.kind).toBe("decimal");
      continue;
    }
    const type = schema["type"];
    expect(p.kind).toBe(type === "string" ? "string" : type);
    expect(p.enum).toEqual(schema["enum"]);
    expect(p.pattern).toEqual(schema["pattern"]);
    expect(p.minLength).toEqual(schema["minLength"]);
    expect(p.maxLength).toEqual(schema["maxLength"]);
    expect(p.minimum).toEqual(schema["minimum"]);
    expect(p.maximum).toEqual(schema["maximum"]);
  }
});
