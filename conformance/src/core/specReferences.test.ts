import { describe, expect, it } from "vitest";
import { scenarios } from "../scenarios/index.js";
import { createSpecView } from "../spec/SpecView.js";
import { allChecks } from "./Selection.js";

const spec = createSpecView();

function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

describe("the checks", () => {
  const checks = allChecks(scenarios);

  it("have unique ids, and every scenario a unique name", () => {
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    const names = [...scenarios.values()].map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(checks.map((c) => [c.id, c] as const))("%s points into the spec", (_, check) => {
    expect(check.specReferences.length).toBeGreaterThan(0);
    if (check.method !== "*") expect(spec.method(check.method), check.method).toBeDefined();
    for (const ref of check.specReferences) {
      const root = ref.method === undefined ? spec.document : spec.method(ref.method);
      expect(resolvePointer(root, ref.pointer), `${ref.method ?? ""}#${ref.pointer}`).toBeDefined();
      if (ref.pointer === "/description" && ref.note !== undefined) {
        expect(String(resolvePointer(root, ref.pointer))).toContain(ref.note);
      }
    }
  });
});
