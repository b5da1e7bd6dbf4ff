import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

/** A CLI process and what it printed. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Resolves with the stdout lines once the process prints its `listening` line. */
  readonly ready: Promise<{ url: string; wsUrl: string; line: string }>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
}

/** Runs `unwind-reference` from source (`node --import tsx src/cli.ts`), so no build is needed. */
export function spawnCli(args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
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
  const ready = new Promise<{ url: string; wsUrl: string; line: string }>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^listening (http:\/\/\S+) (ws:\/\/\S+)\n/.exec(out);
      if (m !== null) resolve({ url: m[1]!, wsUrl: m[2]!, line: m[0] });
    });
    void exited.then(({ code }) =>
      reject(new Error(`exited with ${code} before listening: ${err}`)),
    );
  });
  ready.catch(() => {});
  return { child, ready, exited, stdout: () => out, stderr: () => err };
}
