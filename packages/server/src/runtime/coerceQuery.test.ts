import { expect, it } from "vitest";
import { coerceQuery } from "./coerceQuery.js";
import type { MethodDescriptor } from "./MethodDescriptor.js";

const method: MethodDescriptor = {
  name: "public/x",
  handler: "x",
  auth: { private: false },
  matchingEngine: false,
  errors: [],
  params: [
    { name: "b", required: false, kind: "boolean" },
    { name: "i", required: false, kind: "integer" },
    { name: "n", required: false, kind: "number" },
    { name: "d", required: false, kind: "decimal" },
    { name: "j", required: false, kind: "json" },
    { name: "s", required: false, kind: "string" },
  ],
};

it.each([
  ["", {}],
  [
    "b=true&i=42&n=-1.5&d=0.10&j=%5B1%2C2%5D&s=a+b",
    { b: true, i: 42, n: -1.5, d: "0.10", j: [1, 2], s: "a b" },
  ],
  ["b=false&i=-0", { b: false, i: -0 }],
  ["b=1&i=1.0&n=&j=%7B&s=true", { b: "1", i: "1.0", n: "", j: "{", s: "true" }],
  ["i=99999999999999999999", { i: "99999999999999999999" }],
  ["d=50000", { d: "50000" }],
  ["other=1", { other: "1" }],
  ["s=1&s=2", { s: "2" }],
])("coerces %s", (query, want) => {
  expect(coerceQuery(query, method)).toEqual(want);
});

it("keeps everything a string for an unknown method", () => {
  expect(coerceQuery("b=true&i=1", undefined)).toEqual({ b: "true", i: "1" });
});

it("makes __proto__ an own param instead of setting the prototype", () => {
  const params = coerceQuery("j=1&__proto__=%7B%22polluted%22%3Atrue%7D", method);
  expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  expect(Object.keys(params)).toEqual(["j", "__proto__"]);
});
