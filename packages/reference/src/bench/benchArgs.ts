import { parseArgs } from "node:util";

/** What `runBench` was asked to run. */
export interface BenchArgs {
  /** `fanout`: the subscriptions phase alone; undefined: every phase. */
  only: "fanout" | undefined;
  /** Alternating rounds of each phase; the best of them is printed. */
  rounds: number;
  /** The server on CPU 0 alone, the driver and the subscribers on the others (Linux's `taskset`). */
  pin: boolean;
  help: boolean;
}

export const BENCH_USAGE = `usage: node dist/bench/runBench.js [--only fanout] [--rounds N] [--pin]

Runs reference servers in their own processes on 127.0.0.1 and prints one table:
throughput in memory vs with the journal (goal: ratio >= 0.5), close_position's usDiff
(goal: p50 <= 5 us, p99 <= 50 us) and close cycles with 100 subscribed connections vs none
(goal: ratio >= 0.8; also with their book and trades at 100ms), with the CPU per cycle of
each process.

  --only fanout  the subscriptions phase alone (about 40 s at 2 rounds)
  --rounds N     alternating rounds of each phase, 1 to 20 (default 2); the best is printed
  --pin          the server alone on CPU 0, the driver and the subscribers on the other CPUs
                 (Linux, taskset, 2 CPUs or more): its CPU per cycle then sets close cycles/s
  --help         this text`;

/** Reads the bench's command line; throws an Error saying what was expected and what came. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string" },
      rounds: { type: "string" },
      pin: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  const only = values.only;
  if (only !== undefined && only !== "fanout")
    throw new Error(`--only: expected "fanout", got ${JSON.stringify(only)}`);
  let rounds = 2;
  if (values.rounds !== undefined) {
    rounds = Number(values.rounds);
    if (!/^\d+$/.test(values.rounds) || rounds < 1 || rounds > 20)
      throw new Error(
        `--rounds: expected an integer from 1 to 20, got ${JSON.stringify(values.rounds)}`,
      );
  }
  return { only, rounds, pin: values.pin === true, help: values.help === true };
}
