import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { apiSurface } from "./apiSurface.js";
import {
  checkChangeset,
  pendingChangesetPackages,
  type RecordedSurface,
} from "./checkChangeset.js";
import { specDir } from "./paths.js";
import { freshDocument, methodOf } from "./testDocument.test-helpers.js";

const recorded: RecordedSurface = JSON.parse(
  readFileSync(join(specDir, "api-surface.json"), "utf8"),
);

test("a spec API change since the last release has a changeset for @unwind/spec", () => {
  const problems = checkChangeset(
    apiSurface(freshDocument()),
    recorded,
    pendingChangesetPackages(join(specDir, "..", ".changeset")),
  );
  expect(problems.join("\n")).toBe("");
});

test("the spec's info.version and @unwind/spec's version move together", () => {
  const pkg = JSON.parse(readFileSync(join(specDir, "package.json"), "utf8"));
  expect(freshDocument().info.version).toBe(pkg.version);
  expect(recorded.version).toBe(pkg.version);
});

describe("apiSurface", () => {
  const base = apiSurface(freshDocument());
  test("ignores words: descriptions and examples", () => {
    const document = freshDocument();
    const method = methodOf(document, "private/close_position");
    method.description = "changed";
    method.examples = method.examples.slice(0, 1);
    document.components.schemas.Order.description = "changed";
    expect(apiSurface(document)).toEqual(base);
  });
  const cases: [string, (d: any) => void, string][] = [
    [
      "a param becomes required",
      (d) => (methodOf(d, "private/close_position").params[2].required = true),
      "private/close_position",
    ],
    [
      "an error is added",
      (d) =>
        methodOf(d, "public/get_time").errors.push({ $ref: "#/components/errors/OtherReject" }),
      "public/get_time",
    ],
    [
      "a referenced schema changes",
      (d) => (d.components.schemas.ClosePositionType.enum = ["limit", "market"]),
      "private/close_position",
    ],
  ];
  test.each(cases)("changes when %s", (_name, change, method) => {
    const document = freshDocument();
    change(document);
    const surface = apiSurface(document);
    expect(surface[method]).not.toBe(base[method]);
  });
});

describe("checkChangeset", () => {
  const current = { "a/x": "1", "a/y": "2" };
  test("passes when nothing changed", () => {
    expect(checkChangeset(current, { version: "1.0.0", methods: current }, new Set())).toEqual([]);
  });
  test("names the changed, added and removed methods and the command to run", () => {
    const text = checkChangeset(
      { "a/x": "9", "a/z": "3" },
      { version: "1.0.0", methods: current },
      new Set(),
    ).join("\n");
    expect(text).toContain("a/x (params, result or errors changed)");
    expect(text).toContain("a/z (added)");
    expect(text).toContain("a/y (removed)");
    expect(text).toContain("pnpm changeset");
  });
  test("passes when a pending changeset bumps @unwind/spec", () => {
    expect(
      checkChangeset(
        { "a/x": "9" },
        { version: "1.0.0", methods: { "a/x": "1" } },
        new Set(["@unwind/spec"]),
      ),
    ).toEqual([]);
  });
});
