import { spawnSync } from "node:child_process";

/** Which CPUs the bench's processes run on with `--pin` (`taskset` lists). */
export interface PinPlan {
  /** The server's: CPU 0 alone. */
  server: string;
  /** The driver's and the subscribers' (which inherit the driver's): every other CPU. */
  others: string;
}

/** The server on CPU 0, everything else on the rest; needs two CPUs at least. */
export function pinPlan(cpus: number): PinPlan {
  if (!Number.isInteger(cpus) || cpus < 2)
    throw new Error(
      `--pin: expected at least 2 CPUs to give the server one of its own, got ${cpus}`,
    );
  return { server: "0", others: cpus === 2 ? "1" : `1-${cpus - 1}` };
}

/**
 * Sets the CPUs of every thread of process `pid` with Linux's `taskset`; throws an Error saying
 * what `taskset` answered when it cannot (not Linux, not installed, a CPU that is not there).
 */
export function pinProcess(pid: number, cpuList: string): void {
  const r = spawnSync("taskset", ["-a", "-p", "-c", cpuList, String(pid)], { encoding: "utf8" });
  if (r.error !== undefined || r.status !== 0) {
    const why = r.error?.message ?? (r.stderr.trim() || `exit ${r.status}`);
    throw new Error(`--pin: taskset could not move process ${pid} to CPUs ${cpuList}: ${why}`);
  }
}

/** The command that starts `argv` on `cpuList` (`taskset -c`), or `argv` itself without a list. */
export function pinnedCommand(argv: readonly string[], cpuList: string | undefined): string[] {
  return cpuList === undefined ? [...argv] : ["taskset", "-c", cpuList, ...argv];
}
