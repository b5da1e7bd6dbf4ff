import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A reference server in its own process, for the soak loads. */
export interface SoakServer {
  readonly child: ChildProcess;
  readonly url: string;
  readonly wsUrl: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const built = fileURLToPath(new URL("../cli.js", import.meta.url));

/**
 * Starts `dist/cli.js` (from sources through tsx when it runs unbuilt, as in vitest) on 127.0.0.1
 * with a free port and the given arguments; resolves at its `listening` line, rejects with its
 * stderr when it exits first.
 */
export function startSoakServer(args: readonly string[]): Promise<SoakServer> {
  const entry = existsSync(built)
    ? [built]
    : ["--import", "tsx", fileURLToPath(new URL("../cli.ts", import.meta.url))];
  const child = spawn(process.execPath, [...entry, "--host", "127.0.0.1", "--port", "0", ...args], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    void exited.then(({ code, signal }) =>
      reject(new Error(`the server exited (${code ?? signal}) before listening: ${err.trim()}`)),
    );
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^listening (\S+) (\S+)\n/.exec(out);
      if (m !== null) resolve({ child, url: m[1]!, wsUrl: m[2]!, exited, stderr: () => err });
    });
  });
}

/** The resident set size of a process in bytes (`VmRSS` of /proc/<pid>/status), 0 once it is gone. */
export function rssBytes(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return kb === null ? 0 : Number(kb[1]) * 1024;
  } catch {
    return 0;
  }
}
