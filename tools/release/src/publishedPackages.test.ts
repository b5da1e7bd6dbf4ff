import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { publint } from "publint";
import { describe, expect, test } from "vitest";
import { publishedPackages, repoRoot } from "./workspacePackages.js";

const packages = publishedPackages();
const attw = join(repoRoot, "tools", "release", "node_modules", ".bin", "attw");

test("the published packages are the ones planned", () => {
  expect(packages.map((p) => p.manifest.name).sort()).toEqual(
    expect.arrayContaining(["@unwind/spec", "@unwind/server", "@unwind/engine", "@unwind/codegen"]),
  );
});

describe.each(packages.map((p) => [p.manifest.name, p] as const))("%s", (_name, pkg) => {
  test("has a README, an exports map with types, files, ESM and engines.node >= 20.19", () => {
    const m = pkg.manifest as Record<string, any>;
    expect(existsSync(join(pkg.dir, "README.md"))).toBe(true);
    expect(m.type).toBe("module");
    expect(m.engines?.node).toBe(">=20.19");
    expect(m.files).toEqual(expect.any(Array));
    expect(m.exports?.["."]?.types).toMatch(/\.d\.ts$/);
  });

  test("passes publint", async () => {
    const { messages } = await publint({
      pkgDir: pkg.dir,
      level: "warning",
      strict: true,
      pack: "npm",
    });
    expect(messages.map((m) => `${m.code} ${JSON.stringify(m.args)}`)).toEqual([]);
  });

  test("ships only what it needs (no tests, no TypeScript sources, no reports)", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
      cwd: pkg.dir,
      encoding: "utf8",
    });
    const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
    expect(
      files.filter((f) =>
        /\.test\.|\.test-helpers\.|\.reports\/|(^|\/)src\/.*\.ts$|tsbuildinfo/.test(f),
      ),
    ).toEqual([]);
  });

  test("its exports map resolves to types for Node 16+ ESM (arethetypeswrong)", () => {
    // Every problem outside the ignored (CommonJS, node10) resolutions fails. attw's own exit
    // code also counts a node10 failure to resolve a package's import of itself
    // (`@unwind/client/runtime` from its generated code), which node10 cannot do by design.
    let out = "";
    try {
      out = execFileSync(attw, ["--pack", ".", "--profile", "esm-only", "--format", "json"], {
        cwd: pkg.dir,
        encoding: "utf8",
        maxBuffer: 1 << 26,
      });
    } catch (error) {
      out = (error as { stdout?: string }).stdout ?? "";
    }
    const ignored = new Set(["node10", "node16-cjs"]);
    const report = JSON.parse(out) as {
      analysis: {
        packageName: string;
        problems: { kind: string; resolutionKind?: string; resolutionOption?: string }[];
      };
    };
    const problems = report.analysis.problems.filter(
      (p) =>
        !ignored.has(p.resolutionKind ?? "") &&
        !(p.resolutionOption === "node10" && p.kind === "InternalResolutionError"),
    );
    expect(report.analysis.packageName).toBe(pkg.manifest.name);
    expect(problems, `attw found problems in ${pkg.manifest.name}`).toEqual([]);
  }, 60_000);
});
