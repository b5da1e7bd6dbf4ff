import { describe, expect, test } from "vitest";
import { channelPlaceholders, lintChannels } from "./lintChannels.js";
import { formatProblems } from "./SpecProblem.js";
import { freshDocument } from "./testDocument.test-helpers.js";

test("the spec's x-channels pass the lint", () => {
  expect(formatProblems(lintChannels(freshDocument()))).toBe("");
});

test("channelPlaceholders lists a pattern's placeholders in order", () => {
  expect(channelPlaceholders("user.orders.{kind}.{currency}.raw")).toEqual(["kind", "currency"]);
  expect(channelPlaceholders("ticker")).toEqual([]);
});

describe("the lint names the channel and the field", () => {
  const cases: [string, (d: any) => void, string][] = [
    ["not an array", (d) => (d["x-channels"] = {}), "x-channels › (root): expected an array"],
    [
      "duplicate name",
      (d) => d["x-channels"].push(structuredClone(d["x-channels"][0])),
      '"user.orders.{instrument_name}.raw" › name: is declared twice',
    ],
    [
      "private not a boolean",
      (d) => (d["x-channels"][0].private = "yes"),
      'x-channels[0] "user.orders.{instrument_name}.raw" › private: expected true or false, but got "yes"',
    ],
    [
      "missing summary",
      (d) => delete d["x-channels"][1].summary,
      'x-channels[1] "user.trades.{instrument_name}.raw" › summary: missing',
    ],
    [
      "placeholder without param",
      (d) => (d["x-channels"][3].params = []),
      "the placeholder {instrument_name} has no param",
    ],
    [
      "param that is no placeholder",
      (d) => d["x-channels"][3].params.push({ name: "depth", schema: { type: "integer" } }),
      '"depth" is no placeholder of the name',
    ],
    [
      "missing data",
      (d) => delete d["x-channels"][4].data,
      "data: missing: the schema of the notifications' `data`",
    ],
    [
      "unresolved data ref",
      (d) => (d["x-channels"][4].data = { $ref: "#/components/schemas/Nope" }),
      "data.$ref: #/components/schemas/Nope resolves to no schema",
    ],
  ];
  test.each(cases)("%s", (_name, breakIt, want) => {
    const document = freshDocument();
    breakIt(document);
    expect(formatProblems(lintChannels(document))).toContain(want);
  });
});
