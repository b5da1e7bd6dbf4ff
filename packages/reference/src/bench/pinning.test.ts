import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { expect, test } from "vitest";
import { pinnedCommand, pinPlan, pinProcess } from "./pinning.js";

test("the server gets CPU 0, the rest the others", () => {
  expect(pinPlan(2)).toEqual({ server: "0", others: "1" });
  expect(pinPlan(8)).toEqual({ server: "0", others: "1-7" });
});

test("one CPU cannot give the server one of its own", () => {
  expect(() => pinPlan(1)).toThrow(
    "--pin: expected at least 2 CPUs to give the server one of its own, got 1",
  );
});

test("a pinned command starts with taskset; an unpinned one is the command", () => {
  expect(pinnedCommand(["node", "cli.js"], "0")).toEqual(["taskset", "-c", "0", "node", "cli.js"]);
  expect(pinnedCommand(["node", "cli.js"], undefined)).toEqual(["node", "cli.js"]);
});

/** Linux with util-linux's `taskset` and two CPUs at least (elsewhere `--pin` says it cannot). */
const hasTaskset =
  process.platform === "linux" &&
  availableParallelism() >= 2 &&
  spawnSync("taskset", ["-V"]).status === 0;

/** Runs `check` with a sleeping child process's id, then ends the child. */
async function withChild(check: (pid: number) => void): Promise<void> {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
  try {
    await new Promise((r) => child.once("spawn", r));
    check(child.pid!);
  } finally {
    child.kill("SIGKILL");
  }
}

test.runIf(hasTaskset)("pinProcess moves a running process to the CPUs given", async () => {
  await withChild((pid) => {
    pinProcess(pid, "1");
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    expect(/Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1]).toBe("1");
  });
});

test.runIf(hasTaskset)("pinProcess says what taskset answered when it cannot", async () => {
  await withChild((pid) => {
    expect(() => pinProcess(pid, "4096")).toThrow(
      new RegExp(`--pin: taskset could not move process ${pid} to CPUs 4096: .+`),
    );
  });
});
