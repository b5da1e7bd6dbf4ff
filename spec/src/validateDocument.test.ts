import { expect, test } from "vitest";
import { freshDocument, methodOf } from "./testDocument.test-helpers.js";
import { validateDocument } from "./validateDocument.js";

test("the assembled document validates against the OpenRPC meta-schema", () => {
  expect(validateDocument(freshDocument())).toEqual([]);
});

test("a method without params fails, naming the method", () => {
  const document = freshDocument();
  delete methodOf(document, "public/test").params;
  const problems = validateDocument(document);
  expect(problems.some((p) => p.where === "public/test")).toBe(true);
});

test("a malformed x-auth extension fails (the extensions are declared in the document)", () => {
  const document = freshDocument();
  methodOf(document, "private/close_position")["x-auth"] = { private: "yes" };
  const problems = validateDocument(document);
  expect(problems.map((p) => `${p.where} ${p.field}`).join("\n")).toMatch(
    /private\/close_position .*x-auth/,
  );
});

test("validating twice works (the extended meta-schema is not shared state)", () => {
  expect(validateDocument(freshDocument())).toEqual([]);
  expect(validateDocument(freshDocument())).toEqual([]);
});
