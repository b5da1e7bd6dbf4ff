// Generated packages build outside the workspace, as an SDK author's would: a temp dir, the
// runtime from its `pnpm pack` tarball, `npm run build` (strict tsc, declarations). The default
// run builds a few documents; SDK_PROOF_ALL=1 builds the whole corpus for both targets.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { corpus } from "./corpus.js";
import {
  buildPackage,
  generatePackage,
  installOffline,
  type RuntimeName,
  runtimeTarballs,
} from "./standalonePackage.test-helpers.js";

// starknet-trace: file $refs from the repository's root (--ref-base).
const few = [
  "metamask-openrpc",
  "open-rpc-petstore-expanded",
  "open-rpc-simple-math",
  "starknet-trace",
];
const documents = corpus().filter((d) => process.env.SDK_PROOF_ALL === "1" || few.includes(d.name));
const cases = documents.flatMap((d) =>
  (["client", "server"] as RuntimeName[]).map((target) => [d.name, target, d] as const),
);

beforeAll(() => runtimeTarballs(), 120_000);

describe("a generated package builds on its own", () => {
  test.each(cases)("%s %s", async (name, target, document) => {
    const dir = generatePackage(
      document.path,
      target,
      `@corpus/${name}-${target}`,
      document.refBase,
    );
    await installOffline(dir, target);
    const { code, output } = await buildPackage(dir);
    expect(output.trim(), `npm run build in ${dir}`).toBe("");
    expect(code).toBe(0);
    expect(existsSync(join(dir, "dist", "index.d.ts"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(Object.keys(manifest.dependencies)).toEqual([`@unwind/${target}`]);
  });
});
