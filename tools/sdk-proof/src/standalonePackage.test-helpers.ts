import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { main } from "@unwind/codegen";

const run = promisify(execFile);

/** The repository root (this file sits in `tools/sdk-proof/src` or `dist`). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export type RuntimeName = "client" | "server";

let tarballs: Promise<Record<RuntimeName, string>> | undefined;

/**
 * `pnpm pack` of `@unwind/client` and `@unwind/server` (their built `dist/`), once per test
 * process: the runtime a generated package installs, as it would come from a registry.
 */
export function runtimeTarballs(): Promise<Record<RuntimeName, string>> {
  tarballs ??= (async () => {
    const out = mkdtempSync(join(tmpdir(), "unwind-packs-"));
    const pack = async (name: RuntimeName) => {
      const { stdout } = await run(
        "npx",
        ["-y", "pnpm@12.21.0", "pack", "--pack-destination", out],
        { cwd: join(repoRoot, "packages", name), maxBuffer: 1 << 24 },
      );
      const tgz = stdout.trim().split("\n").at(-1)!.trim();
      if (!tgz.endsWith(".tgz"))
        throw new Error(`pnpm pack of ${name} printed no tarball:\n${stdout}`);
      return tgz;
    };
    const [client, server] = await Promise.all([pack("client"), pack("server")]);
    return { client, server };
  })();
  return tarballs;
}

/** Runs `unwind-codegen --target T --package NAME` (with `--ref-base` when given) into a fresh temp dir outside the workspace. */
export function generatePackage(
  spec: string,
  target: RuntimeName,
  name: string,
  refBase?: string,
): string {
  const dir = mkdtempSync(join(tmpdir(), `unwind-sdk-${target}-`));
  const errors: string[] = [];
  const code = main(
    [
      "--spec",
      spec,
      ...(refBase === undefined ? [] : ["--ref-base", refBase]),
      "--target",
      target,
      "--package",
      name,
      "--out",
      dir,
    ],
    { write: () => true },
    { write: (t: string) => errors.push(t) },
  );
  if (code !== 0) throw new Error(`unwind-codegen exited ${code}: ${errors.join("")}`);
  return dir;
}

function link(dir: string, name: string, target: string): void {
  const at = join(dir, "node_modules", name);
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(realpathSync(target), at);
}

/**
 * What `npm install` puts in a generated package, without a registry: the runtime from its
 * tarball (with its own dependencies linked from the workspace), TypeScript and `@types/node`.
 */
export async function installOffline(dir: string, runtime: RuntimeName): Promise<void> {
  const tarball = (await runtimeTarballs())[runtime];
  const dest = join(dir, "node_modules", "@unwind", runtime);
  mkdirSync(dest, { recursive: true });
  await run("tar", ["xzf", tarball, "-C", dest, "--strip-components=1"]);
  const manifest = JSON.parse(readFileSync(join(dest, "package.json"), "utf8"));
  for (const dep of Object.keys(manifest.dependencies ?? {}))
    link(dir, dep, join(repoRoot, "packages", runtime, "node_modules", dep));
  link(dir, "typescript", join(repoRoot, "node_modules", "typescript"));
  link(dir, "@types/node", join(repoRoot, "node_modules", "@types", "node"));
  mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
  symlinkSync(
    join(dir, "node_modules", "typescript", "bin", "tsc"),
    join(dir, "node_modules", ".bin", "tsc"),
  );
}

/** `npm run build` in the package; resolves with its exit code and output. */
export async function buildPackage(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "build", "--silent"], {
      cwd: dir,
      maxBuffer: 1 << 24,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, output: `${e.stdout}${e.stderr}` };
  }
}
