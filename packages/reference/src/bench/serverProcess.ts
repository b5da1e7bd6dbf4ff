import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pinnedCommand } from "./pinning.js";

/** A reference server in its own process, as the CLI runs it. */
export interface ServerProcess {
  readonly url: string;
  readonly wsUrl: string;
  /** The server's process id (its memory is in `/proc/<pid>/status`). */
  readonly pid: number;
  stop(): Promise<void>;
}

// The built CLI, from dist/bench and from src/bench alike (tests run from src).
const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** `UNWIND_BENCH_PROFILE_DIR=dir`: each server writes a V8 CPU profile there when it stops. */
function profile(): string[] {
  const dir = process.env["UNWIND_BENCH_PROFILE_DIR"];
  return dir === undefined || dir === "" ? [] : ["--cpu-prof", `--cpu-prof-dir=${dir}`];
}

/**
 * Starts `dist/cli.js` on 127.0.0.1 with a free port and the given extra arguments; with `cpus`,
 * on those CPUs only (`taskset -c`, which runs the server in its own process id).
 */
export function startServerProcess(args: readonly string[], cpus?: string): Promise<ServerProcess> {
  const [command, ...argv] = pinnedCommand(
    [process.execPath, ...profile(), cli, "--host", "127.0.0.1", "--port", "0", ...args],
    cpus,
  );
  const child: ChildProcess = spawn(command!, argv, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.once("exit", (code) =>
      reject(new Error(`the server exited with ${code} before listening`)),
    );
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^listening (\S+) (\S+)\n/.exec(out);
      if (m === null) return;
      child.removeAllListeners("exit");
      resolve({
        url: m[1]!,
        wsUrl: m[2]!,
        pid: child.pid!,
        stop: () =>
          new Promise((done) => {
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}
