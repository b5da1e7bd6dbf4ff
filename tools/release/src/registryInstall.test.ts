// Slow: publishes every public package to a local verdaccio with changesets' publish flow, then
// installs them with plain npm in a scratch directory outside the workspace, as users do.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ensurePnpmOnPath } from "./ensurePnpmOnPath.js";
import { type LocalRegistry, startVerdaccio } from "./startVerdaccio.js";
import { publishedPackages, repoRoot } from "./workspacePackages.js";

const run = promisify(execFile);
const MAKER = { id: "carol-key", secret: "carol-secret-TEST-ONLY" };
const TAKER = { id: "dave-key", secret: "dave-secret-TEST-ONLY" };

let registry: LocalRegistry;
let scratch: string;
let reference: ChildProcess | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  registry = await startVerdaccio();
  const home = mkdtempSync(join(tmpdir(), "unwind-npmrc-"));
  const npmrc = join(home, ".npmrc");
  const host = registry.url.replace(/^http:/, "");
  writeFileSync(npmrc, `@unwind:registry=${registry.url}/\n${host}/:_authToken=local-test-token\n`);
  env = {
    ...process.env,
    npm_config_userconfig: npmrc,
    "npm_config_@unwind:registry": `${registry.url}/`,
    PATH: await ensurePnpmOnPath(),
  };
  scratch = mkdtempSync(join(tmpdir(), "unwind-user-"));
}, 60_000);

afterAll(async () => {
  reference?.kill("SIGTERM");
  await registry?.stop();
});

test("changesets publishes every public package to the local registry", async () => {
  const changeset = join(repoRoot, "node_modules", "@changesets", "cli", "bin.js");
  const { stdout, stderr } = await run(process.execPath, [changeset, "publish", "--no-git-tag"], {
    cwd: repoRoot,
    env,
    maxBuffer: 1 << 24,
  });
  for (const pkg of publishedPackages()) {
    const res = await fetch(`${registry.url}/${pkg.manifest.name.replace("/", "%2f")}`);
    expect(res.status, `${pkg.manifest.name} is not in the registry:\n${stdout}${stderr}`).toBe(
      200,
    );
    const doc = (await res.json()) as {
      versions: Record<string, { dependencies?: Record<string, string> }>;
    };
    const published = doc.versions[pkg.manifest.version];
    expect(published, `${pkg.manifest.name}@${pkg.manifest.version}`).toBeDefined();
    // workspace: protocol ranges were replaced by real versions on the way out
    expect(JSON.stringify(published?.dependencies ?? {})).not.toContain("workspace:");
  }
}, 240_000);

test("plain npm installs the client, the reference server and the conformance suite outside the workspace", async () => {
  writeFileSync(
    join(scratch, "package.json"),
    JSON.stringify({ name: "scratch", private: true, type: "module" }),
  );
  writeFileSync(join(scratch, ".npmrc"), `@unwind:registry=${registry.url}/\n`);
  await run(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "@unwind/client",
      "@unwind/reference",
      "@unwind/conformance",
    ],
    { cwd: scratch, env, maxBuffer: 1 << 24 },
  );
  const { stdout } = await run("npm", ["ls", "--json", "--depth=0"], { cwd: scratch, env });
  expect(Object.keys(JSON.parse(stdout).dependencies).sort()).toEqual([
    "@unwind/client",
    "@unwind/conformance",
    "@unwind/reference",
  ]);
}, 240_000);

let url = "";
test("the installed reference server starts and prints its listening line", async () => {
  reference = spawn(
    join(scratch, "node_modules", ".bin", "unwind-reference"),
    ["--port", "0", "--in-memory"],
    { cwd: scratch, stdio: ["ignore", "pipe", "pipe"] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(
      () => reject(new Error(`no listening line within 20 s:\n${out}`)),
      20_000,
    );
    reference?.stdout?.on("data", (d) => {
      out += d;
      const match = /^listening .*$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    reference?.stderr?.on("data", (d) => (out += d));
    reference?.once("exit", (code) =>
      reject(new Error(`unwind-reference exited with ${code}:\n${out}`)),
    );
  });
  expect(line).toMatch(
    /^listening http:\/\/127\.0\.0\.1:\d+ ws:\/\/127\.0\.0\.1:\d+\/ws\/api\/v2$/,
  );
  url = line.split(" ")[1] as string;
}, 30_000);

test("the installed conformance CLI passes against the installed reference server", async () => {
  const bin = join(scratch, "node_modules", ".bin", "unwind-conformance");
  const args = [
    "--url",
    url,
    "--maker-id",
    MAKER.id,
    "--maker-secret",
    MAKER.secret,
    "--taker-id",
    TAKER.id,
    "--taker-secret",
    TAKER.secret,
  ];
  const { stdout } = await run(bin, args, { cwd: scratch, maxBuffer: 1 << 24 });
  expect(stdout).toMatch(/PASSED: \d+ passed, 0 failed/);
}, 120_000);

test("the installed client opens and closes a position", async () => {
  const script = join(scratch, "trade.mjs");
  writeFileSync(
    script,
    `import { createClient } from "@unwind/client";
const url = process.argv[2];
const instrument_name = "ETH-PERPETUAL";
const maker = createClient({ url, transport: "ws", auth: { clientId: ${JSON.stringify(MAKER.id)}, clientSecret: ${JSON.stringify(MAKER.secret)} } });
const taker = createClient({ url, auth: { clientId: ${JSON.stringify(TAKER.id)}, clientSecret: ${JSON.stringify(TAKER.secret)} } });
await maker.sell({ instrument_name, amount: "5", type: "limit", price: "2000" });
await taker.buy({ instrument_name, amount: "5", type: "limit", price: "2000" });
const opened = await taker.getPosition({ instrument_name });
await maker.buy({ instrument_name, amount: "5", type: "limit", price: "1999.95" });
const closed = await taker.closePosition({ instrument_name, type: "limit" });
const after = await taker.getPosition({ instrument_name });
console.log(JSON.stringify({ opened: opened.size, order: closed.order, trades: closed.trades?.length, after: after.size }));
await maker.close();
await taker.close();
`,
  );
  const { stdout } = await run(process.execPath, [script, url], { cwd: scratch });
  const out = JSON.parse(stdout);
  expect(out).toMatchObject({ opened: "5", after: "0", trades: 1 });
  expect(out.order).toMatchObject({
    direction: "sell",
    amount: "5",
    reduce_only: true,
    order_state: "filled",
    price: "1999.95",
  });
}, 60_000);
