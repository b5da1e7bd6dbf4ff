#!/usr/bin/env node
import { limitsOf } from "./cli/limitsOf.js";
import { parseCliArgs, usage } from "./cli/parseCliArgs.js";
import { DataDirError } from "./journal/DataDirError.js";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";

const say = (line: string) => process.stderr.write(`unwind-reference: ${line}\n`);

const parsed = parseCliArgs(process.argv.slice(2));
if (parsed.kind === "help") {
  process.stdout.write(usage);
  process.exit(0);
}
if (parsed.kind === "error") {
  say(parsed.message);
  say("run unwind-reference --help for the options");
  process.exit(2);
}
const { options } = parsed;

let server: ReferenceServer;
let stopping: Promise<void> | undefined;
function stop(code: number): void {
  stopping ??= server.close().then(
    () => process.exit(code),
    (error: unknown) => {
      say(`could not shut down cleanly: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}

try {
  server = await startReferenceServer({
    host: options.host,
    port: options.port,
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.accounts === undefined ? {} : { accounts: options.accounts }),
    ...(options.instruments === undefined ? {} : { instruments: options.instruments }),
    ...(options.snapshotEvery === undefined ? {} : { snapshotEvery: options.snapshotEvery }),
    ...(options.accessTtlSeconds === undefined
      ? {}
      : { accessTtlSeconds: options.accessTtlSeconds }),
    ...(options.maxTokensPerKey === undefined ? {} : { maxTokensPerKey: options.maxTokensPerKey }),
    limits: limitsOf(options),
    log: say,
    onJournalFailure: (error) => {
      say(`journal write failed, stopping: ${(error as Error).message}`);
      stop(1);
    },
  });
} catch (error) {
  say((error as Error).message);
  process.exit(error instanceof DataDirError ? DataDirError.exitCode : 1);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping !== undefined) {
      say(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stop(0);
  });
}
process.stdout.write(`listening ${server.url} ${server.wsUrl}\n`);
