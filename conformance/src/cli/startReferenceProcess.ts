import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Target } from "../core/Target.js";
import { UsageError } from "./UsageError.js";

/** A reference server the CLI started, and how to stop it. */
export interface ReferenceProcess {
  target: Target;
  stop(): Promise<void>;
}

/**
 * Spawns `unwind-reference --port 0 --in-memory` from `@unwind/reference` and waits for its
 * `listening HTTP_URL WS_URL` line.
 */
export async function startReferenceProcess(timeoutMs = 15_000): Promise<ReferenceProcess> {
  const require = createRequire(import.meta.url);
  let pkgPath: string;
  try {
    pkgPath = require.resolve("@unwind/reference/package.json");
  } catch {
    throw new UsageError(
      "cannot start the reference server: @unwind/reference is not installed. Pass --url to test a running server",
    );
  }
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { bin?: Record<string, string> };
  const bin = pkg.bin?.["unwind-reference"];
  if (bin === undefined)
    throw new UsageError(
      "cannot start the reference server: @unwind/reference has no unwind-reference bin. Pass --url",
    );
  const binPath = join(dirname(pkgPath), bin);
  if (!existsSync(binPath)) {
    throw new UsageError(
      `cannot start the reference server: ${binPath} is missing (run pnpm build). Pass --url to test a running server`,
    );
  }
  const child = spawn(process.execPath, [binPath, "--port", "0", "--in-memory"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const target = await new Promise<Target>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new UsageError(
          `the reference server did not print "listening ..." within ${timeoutMs} ms${stderr ? `: ${stderr.trim()}` : ""}`,
        ),
      );
    }, timeoutMs);
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /^listening (\S+) (\S+)\s*$/m.exec(out);
      if (m === null) return;
      clearTimeout(timer);
      resolve({ httpUrl: m[1]!, wsUrl: m[2]! });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(
        new UsageError(
          `the reference server exited (code ${code}) before listening${stderr ? `: ${stderr.trim()}` : ""}`,
        ),
      );
    });
  });
  return {
    target,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
