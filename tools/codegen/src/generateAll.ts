import { join } from "node:path";
import { commandFor, committedOutputs, generateCommitted, repoRoot } from "./committedOutputs.js";
import { compareOutput, describeDrift, isUpToDate } from "./compareOutput.js";
import { writeOutput } from "./writeOutput.js";

/**
 * `pnpm --filter @unwind/codegen generate-all [--check]`: regenerates every output the repository
 * commits (server, client, docs) from `spec/openrpc.json`, or with `--check` only reports drift.
 */
function generateAll(check: boolean): number {
  let code = 0;
  for (const output of committedOutputs) {
    const files = generateCommitted(output);
    const dir = join(repoRoot, output.out);
    if (check) {
      const drift = compareOutput(files, dir);
      if (!isUpToDate(drift)) {
        code = 1;
        console.error(
          `${output.out} is out of date:\n${describeDrift(drift)
            .map((l) => `  ${l}`)
            .join("\n")}\nRun: ${commandFor(output)}`,
        );
      }
      continue;
    }
    const result = writeOutput(files, dir);
    console.log(
      `${commandFor(output)}: ${result.written.length} written, ${files.length - result.written.length} unchanged${result.removed.length ? `, removed ${result.removed.join(", ")}` : ""}`,
    );
    for (const path of result.foreign)
      console.warn(`warning: ${output.out}/${path} was not generated; left in place.`);
  }
  return code;
}

process.exitCode = generateAll(process.argv.includes("--check"));
