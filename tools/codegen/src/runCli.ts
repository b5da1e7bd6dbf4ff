import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { compareOutput, describeDrift, isUpToDate } from "./compareOutput.js";
import { generate } from "./generate.js";
import { parseArgs, UsageError, usage } from "./parseArgs.js";
import { writeOutput } from "./writeOutput.js";

/** Where the CLI writes (stdout and stderr, or a test's buffers). */
export interface Output {
  write(text: string): unknown;
}

/** Runs the command line; returns the exit code. */
export function main(
  argv: readonly string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): number {
  let command: ReturnType<typeof parseArgs>;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`unwind-codegen: ${error.message}\n\n${usage}\n`);
    return 2;
  }
  if (command.kind === "help") {
    out.write(`${usage}\n`);
    return 0;
  }
  let files: ReturnType<typeof generate>;
  try {
    let text: string;
    try {
      text = readFileSync(command.spec, "utf8");
    } catch (error) {
      err.write(
        `unwind-codegen: could not read --spec ${command.spec}: ${(error as Error).message}\n`,
      );
      return 2;
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      err.write(
        `unwind-codegen: could not parse ${command.spec}. Expected JSON, but got: ${(error as Error).message}\n`,
      );
      return 2;
    }
    files = generate(document, {
      ...command.options,
      specText: text,
      specName: basename(command.spec),
    });
  } catch (error) {
    err.write(`unwind-codegen: ${(error as Error).message}\n`);
    return 3;
  }
  if (command.check) {
    const drift = compareOutput(files, command.out);
    if (isUpToDate(drift)) {
      out.write(`unwind-codegen: ${command.out} is up to date (${files.length} files).\n`);
      return 0;
    }
    const rerun = ["unwind-codegen", ...argv.filter((a) => a !== "--check")].join(" ");
    err.write(
      `unwind-codegen: ${command.out} is out of date:\n${describeDrift(drift)
        .map((l) => `  ${l}\n`)
        .join("")}Run: ${rerun}\n`,
    );
    return 1;
  }
  const result = writeOutput(files, command.out);
  out.write(
    `unwind-codegen: ${command.options.target} -> ${command.out}: ${result.written.length} written, ${files.length - result.written.length} unchanged${result.removed.length ? `, removed ${result.removed.join(", ")}` : ""}.\n`,
  );
  for (const path of result.foreign)
    err.write(
      `unwind-codegen: warning: ${command.out}/${path} was not generated; left in place.\n`,
    );
  return 0;
}
