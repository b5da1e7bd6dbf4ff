import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/** What `npm pack` made of a package: the tarball and the paths of the files in it. */
export interface PackedPackage {
  tarball: string;
  files: string[];
}

const packs = new Map<string, Promise<PackedPackage>>();

/**
 * Packs the package in `dir` once per test run (`npm pack --ignore-scripts` into a temp dir):
 * the checks that read what ships (publint, the file list, arethetypeswrong) share one tarball
 * instead of each packing the package again.
 */
export function packOnce(dir: string): Promise<PackedPackage> {
  let packed = packs.get(dir);
  if (!packed) {
    packed = pack(dir);
    packs.set(dir, packed);
  }
  return packed;
}

async function pack(dir: string): Promise<PackedPackage> {
  const destination = mkdtempSync(join(tmpdir(), "unwind-pack-"));
  const { stdout } = await promisify(execFile)(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", destination],
    { cwd: dir, encoding: "utf8", maxBuffer: 1 << 26 },
  );
  const [report] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!report) throw new Error(`npm pack in ${dir} reported nothing:\n${stdout}`);
  return {
    tarball: join(destination, report.filename),
    files: report.files.map((f) => f.path),
  };
}
