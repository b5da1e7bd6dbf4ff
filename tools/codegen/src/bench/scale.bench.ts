import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { targetNames } from "../GenerateOptions.js";
import { main } from "../runCli.js";
import { syntheticDocument } from "./syntheticDocument.bench.js";

/**
 * `pnpm bench` (codegen): the `unwind-codegen` command line, per target, on a document of 2,000
 * and of 20,000 methods, each run in a process of its own that starts like the CLI (no extra
 * flags): wall time from process start to files written, and peak RSS. The ratio of the two
 * times is the scaling: 10 is linear, 100 quadratic. Budget: 20,000 methods under 60 s and
 * 1 GB per target; past it the bench prints what is over and exits 1.
 */
const sizes = [2_000, 20_000];
const budgetSeconds = 60;
const budgetMb = 1024;

interface Run {
  readonly seconds: number;
  readonly rssMb: number;
  readonly exitCode: number;
}

/** In the child: the CLI's `main`, then what it cost this process. */
function child(args: readonly string[]): void {
  const sink = { write: () => true };
  const exitCode = main(args, sink, process.stderr);
  const run: Run = {
    seconds: process.uptime(),
    rssMb: process.resourceUsage().maxRSS / 1024,
    exitCode,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

function parent(): void {
  const self = fileURLToPath(import.meta.url);
  const work = mkdtempSync(join(tmpdir(), "unwind-codegen-bench-"));
  const over: string[] = [];
  const rows: string[] = [];
  try {
    const specs = sizes.map((count) => {
      const spec = join(work, `synthetic-${count}.json`);
      writeFileSync(spec, JSON.stringify(syntheticDocument(count)));
      return spec;
    });
    for (const target of targetNames) {
      const runs = sizes.map((count, i) => {
        const out = join(work, `${target}-${count}`);
        const args = ["--spec", specs[i]!, "--target", target, "--out", out];
        const text = execFileSync(process.execPath, [self, "--child", ...args], {
          encoding: "utf8",
          maxBuffer: 1 << 20,
        });
        rmSync(out, { recursive: true, force: true });
        const run = JSON.parse(text.trim().split("\n").at(-1)!) as Run;
        if (run.exitCode !== 0)
          throw new Error(`unwind-codegen ${args.join(" ")} exited ${run.exitCode}.`);
        return run;
      });
      const [small, large] = runs as [Run, Run];
      if (large.seconds > budgetSeconds)
        over.push(`${target}: ${large.seconds.toFixed(1)} s (budget ${budgetSeconds} s)`);
      if (large.rssMb > budgetMb)
        over.push(`${target}: ${large.rssMb.toFixed(0)} MB peak RSS (budget ${budgetMb} MB)`);
      rows.push(
        `${target.padEnd(7)} ${small.seconds.toFixed(1).padStart(6)} s ${large.seconds.toFixed(1).padStart(7)} s   x${(large.seconds / small.seconds).toFixed(1).padStart(5)}   ${large.rssMb.toFixed(0).padStart(5)} MB`,
      );
      report(rows);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (over.length > 0) {
    console.log(
      `OVER BUDGET: 20,000 methods must generate in under ${budgetSeconds} s and ${budgetMb} MB per target:\n  ${over.join("\n  ")}`,
    );
    process.exitCode = 1;
  }
}

let printed = 0;
/** Prints the header once, then each row as its target finishes. */
function report(rows: readonly string[]): void {
  if (printed === 0)
    console.log(
      "codegen scale: unwind-codegen CLI, 2,000 -> 20,000 methods (x10 is linear)\ntarget  2,000      20,000   ratio   peak RSS (20,000)",
    );
  for (const row of rows.slice(printed)) console.log(row);
  printed = rows.length;
}

const [flag, ...rest] = process.argv.slice(2);
if (flag === "--child") child(rest);
else parent();
