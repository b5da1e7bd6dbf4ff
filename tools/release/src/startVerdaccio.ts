import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./workspacePackages.js";

/** A running verdaccio on 127.0.0.1 with no uplinks and its storage in a temp dir. */
export interface LocalRegistry {
  url: string;
  storage: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts verdaccio: `@unwind/*` only, anonymous publish, no uplinks (it never proxies), storage
 * in a fresh temp dir. Resolves once it answers `/-/ping`; `stop()` kills it by its pid.
 */
export async function startVerdaccio(): Promise<LocalRegistry> {
  const root = mkdtempSync(join(tmpdir(), "unwind-verdaccio-"));
  const storage = join(root, "storage");
  const port = await freePort();
  const config = join(root, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${storage}`,
      "uplinks: {}",
      "auth:",
      "  htpasswd:",
      `    file: ${join(root, "htpasswd")}`,
      "    max_users: -1",
      "packages:",
      "  '@unwind/*':",
      "    access: $all",
      "    publish: $anonymous",
      "    unpublish: $anonymous",
      "  '**':",
      "    access: $all",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const bin = join(repoRoot, "tools", "release", "node_modules", ".bin", "verdaccio");
  const child = spawn(bin, ["--config", config, "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (true) {
    if (child.exitCode !== null)
      throw new Error(`verdaccio exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/-/ping`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`verdaccio did not answer on ${url} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    storage,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        process.kill(child.pid as number, "SIGTERM");
      }),
  };
}
