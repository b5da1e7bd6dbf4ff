#!/usr/bin/env node
import { nodeMessages, readArgs } from "@unwind/protocol/cli";
import { formatSoakTable } from "./formatSoakTable.js";
import type { SoakResult } from "./SoakResult.js";
import { soakLoads } from "./soakLoads.js";

const usage = `Usage: unwind-soak [--seconds N] [--only NAME,NAME]

Runs the reference server's abuse loads one after another, each against its own server
process, each for N seconds (default 45), then prints per load the requests answered, the
server's peak and final RSS and the acknowledged orders lost. Exit 1 when an order was lost
or a load failed, 2 for a usage error.

Loads:
${soakLoads.map((l) => `  ${l.name.padEnd(18)} ${l.description}`).join("\n")}
`;

function fail(message: string): never {
  process.stderr.write(`unwind-soak: ${message}\n\n${usage}`);
  process.exit(2);
}

const read = readArgs(process.argv.slice(2), {
  options: {
    seconds: { type: "string" },
    only: { type: "string" },
    help: { type: "boolean", short: "h", stops: true },
  },
  allowEmpty: true,
  messages: nodeMessages,
});
if (!read.ok) fail(read.message);
const { values } = read;
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const seconds = Number(values.seconds ?? "45");
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
  fail(`--seconds expects an integer from 1 to 3600, but got ${JSON.stringify(values.seconds)}`);
}
const names = values.only?.split(",").filter(Boolean) ?? soakLoads.map((l) => l.name);
const unknown = names.filter((n) => !soakLoads.some((l) => l.name === n));
if (unknown.length > 0) {
  fail(
    `unknown load ${unknown.join(", ")}; expected one of ${soakLoads.map((l) => l.name).join(", ")}`,
  );
}

const results: SoakResult[] = [];
let failed = false;
for (const load of soakLoads.filter((l) => names.includes(l.name))) {
  const log = (line: string) => process.stdout.write(`[${load.name}] ${line}\n`);
  log(`running for ${seconds} s`);
  try {
    const result = await load.run({ durationMs: seconds * 1000, log });
    results.push(result);
    if (result.lostAcknowledged > 0) failed = true;
  } catch (error) {
    failed = true;
    log(`failed: ${(error as Error).stack ?? error}`);
  }
}
process.stdout.write(`\n${formatSoakTable(results)}`);
process.exit(failed ? 1 : 0);
