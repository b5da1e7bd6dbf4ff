import { describe, expect, test } from "vitest";
import { lintDocument } from "./lintDocument.js";
import { formatProblems } from "./SpecProblem.js";
import { freshDocument, methodOf } from "./testDocument.test-helpers.js";

test("the spec passes the lint", () => {
  expect(formatProblems(lintDocument(freshDocument()))).toBe("");
});

describe("the lint names the method (or component) and the field", () => {
  const cases: [string, (d: any) => void, string][] = [
    [
      "missing summary",
      (d) => delete methodOf(d, "private/close_position").summary,
      "private/close_position › summary: missing",
    ],
    [
      "missing param description",
      (d) => delete methodOf(d, "private/close_position").params[0].description,
      'private/close_position › params[0] "instrument_name".description: missing',
    ],
    ["no tags", (d) => (methodOf(d, "public/test").tags = []), "public/test › tags: missing"],
    [
      "undeclared tag",
      (d) => methodOf(d, "public/test").tags.push({ name: "Nope" }),
      '"Nope" is not declared in components.tags',
    ],
    [
      "no example",
      (d) => (methodOf(d, "public/get_time").examples = []),
      "public/get_time › examples: missing",
    ],
    [
      "schema without title",
      (d) => delete d.components.schemas.Order.title,
      "components.schemas.Order › title: missing",
    ],
    [
      "schema without description",
      (d) => delete d.components.schemas.Trade.description,
      "components.schemas.Trade › description: missing",
    ],
    [
      "unreferenced schema",
      (d) => (d.components.schemas.Orphan = { title: "Orphan", description: "x", type: "string" }),
      "components.schemas.Orphan › (schema): is never referenced",
    ],
    [
      "unresolved ref",
      (d) => (methodOf(d, "public/test").result.schema = { $ref: "#/components/schemas/Nope" }),
      "#/components/schemas/Nope: unresolved reference",
    ],
    [
      "duplicate error code",
      (d) => (d.components.errors.PostOnlyReject.code = 11030),
      "11030 is also the code of",
    ],
    [
      "code outside its range",
      (d) =>
        (d["x-error-groups"].find((g: any) => "OtherReject" in g.errors).errors.OtherReject.code =
          13030),
      "outside its group",
    ],
    ["overlapping ranges", (d) => (d["x-error-groups"][1].range = [-32768, 20000]), "overlaps"],
    [
      "private method without 10000",
      (d) =>
        (methodOf(d, "private/get_position").errors = methodOf(
          d,
          "private/get_position",
        ).errors.filter((e: any) => !e.$ref.endsWith("/AuthorizationRequired"))),
      "private/get_position › errors: must declare 10000",
    ],
  ];
  test.each(cases)("%s", (_name, breakIt, want) => {
    const document = freshDocument();
    breakIt(document);
    expect(formatProblems(lintDocument(document))).toContain(want);
  });
});
