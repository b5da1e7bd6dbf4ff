import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { publint } from "publint";
import { beforeAll, describe, expect, test } from "vitest";
import { packOnce } from "./packOnce.js";
import { publishedPackages, repoRoot } from "./workspacePackages.js";

const packages = publishedPackages();
const attw = join(repoRoot, "tools", "release", "node_modules", ".bin", "attw");

// Every package packed once, all at the same time; the checks below read these tarballs.
beforeAll(async () => {
  await Promise.all(packages.map((p) => packOnce(p.dir)));
}, 120_000);

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
    const { tarball } = await packOnce(pkg.dir);
    const { messages } = await publint({
      level: "warning",
      strict: true,
      pack: { tarball: new Uint8Array(readFileSync(tarball)).buffer },
    });
    expect(messages.map((m) => `${m.code} ${JSON.stringify(m.args)}`)).toEqual([]);
  });

  test("ships only what it needs (no tests, no TypeScript sources, no reports)", async () => {
    const { files } = await packOnce(pkg.dir);
    expect(
      files.filter((f) =>
        /\.test\.|\.test-helpers\.|\.reports\/|(^|\/)src\/.*\.ts$|tsbuildinfo/.test(f),
      ),
    ).toEqual([]);
  });

  test("its exports map resolves to types for Node 16+ ESM (arethetypeswrong)", async () => {
    const { tarball } = await packOnce(pkg.dir);
    // Every problem outside the ignored (CommonJS, node10) resolutions fails. attw's own exit
    // code also counts a node10 failure to resolve a package's import of itself
    // (`@unwind/client/runtime` from its generated code), which node10 cannot do by design.
    let out = "";
    try {
      out = execFileSync(attw, [tarball, "--profile", "esm-only", "--format", "json"], {
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
