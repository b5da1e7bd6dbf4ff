import type { Exchange } from "../driver/Exchange.js";
import { Recorder } from "../driver/Recorder.js";
import { transports as allTransports, type Transport } from "../driver/Transport.js";
import { scenarios as registry } from "../scenarios/index.js";
import { createSpecView, type SpecView } from "../spec/SpecView.js";
import type { Accounts } from "./Accounts.js";
import type { CheckOutcome } from "./CheckOutcome.js";
import type { CheckResult } from "./CheckResult.js";
import { skipForForeign } from "./collectOutcomes.js";
import { createRunContext } from "./createRunContext.js";
import { ForeignActivity } from "./ForeignActivity.js";
import { Redactor } from "./Redactor.js";
import type { Scenario } from "./Scenario.js";
import { ScenarioError } from "./ScenarioError.js";
import { checkSelected, type Selection, scenarioSelected } from "./Selection.js";
import type { Target } from "./Target.js";

/** Options of {@link runSuite}. */
export interface RunOptions extends Selection {
  target: Target;
  accounts: Accounts;
  /** Default `BTC-PERPETUAL`. */
  instrument?: string;
  /** Default both, HTTP first. */
  transports?: readonly Transport[];
  /** Seed of the property-based runs (default: random, reported). */
  seed?: number;
  /** Generated requests per property (default 20). */
  propertyRuns?: number;
  /** Per-request timeout in ms (default 10000). */
  timeoutMs?: number;
  /** Run the checks that wait in real time, e.g. for a heartbeat (default false: skipped). */
  slow?: boolean;
  /** Default: the registered scenarios. */
  scenarios?: ReadonlyMap<string, Scenario>;
  spec?: SpecView;
  onEvent?: (event: RunEvent) => void;
}

/** Progress of a run, for the console. */
export type RunEvent =
  | { type: "scenario-start"; scenario: string; transport: Transport }
  | { type: "result"; result: CheckResult }
  | { type: "scenario-end"; scenario: string; transport: Transport; durationMs: number };

/** Everything a run found: the results and the traffic behind them. */
export interface RunReport {
  startedAt: string;
  durationMs: number;
  target: Target;
  instrument: string;
  seed: number;
  transports: Transport[];
  results: CheckResult[];
  exchanges: Exchange[];
}

/**
 * Runs the selected scenarios over each transport against a server and collects one result
 * per check, scenario and transport.
 *
 * @example
 * const report = await runSuite({ target: { httpUrl, wsUrl }, accounts, only: ["envelope"] });
 * report.results.filter((r) => r.status === "failed");
 */
export async function runSuite(options: RunOptions): Promise<RunReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const spec = options.spec ?? createSpecView();
  const scenarios = options.scenarios ?? registry;
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const instrument = options.instrument ?? "BTC-PERPETUAL";
  const transports = [...(options.transports ?? allTransports)];
  const recorder = new Recorder();
  const results: CheckResult[] = [];
  const emit = options.onEvent ?? (() => {});
  // Credentials never leave the run: results and exchanges are reported with them masked.
  const redactor = new Redactor(options.accounts);
  let learned = 0;
  const redact = (result: CheckResult): CheckResult => {
    for (; learned < recorder.exchanges.length; learned++)
      redactor.learn(recorder.exchanges[learned]!);
    return redactor.result(result);
  };

  for (const transport of transports) {
    const ctx = createRunContext({
      transport,
      target: options.target,
      accounts: options.accounts,
      instrument,
      seed,
      propertyRuns: options.propertyRuns ?? 20,
      timeoutMs: options.timeoutMs ?? 10_000,
      slow: options.slow ?? false,
      spec,
      recorder,
    });
    try {
      for (const scenario of scenarios.values()) {
        if (!scenarioSelected(scenario, options)) continue;
        recorder.scenario = scenario.name;
        emit({ type: "scenario-start", scenario: scenario.name, transport });
        const t0 = performance.now();
        const outcomes = await runScenario(scenario, ctx, transport);
        for (const outcome of outcomes) {
          if (!checkSelected(scenario, outcome.id, options)) continue;
          const result = redact(toResult(scenario, outcome, transport));
          results.push(result);
          emit({ type: "result", result });
        }
        emit({
          type: "scenario-end",
          scenario: scenario.name,
          transport,
          durationMs: performance.now() - t0,
        });
      }
    } finally {
      await ctx.close();
    }
  }
  return {
    startedAt,
    durationMs: performance.now() - started,
    target: options.target,
    instrument,
    seed,
    transports,
    results,
    exchanges: recorder.exchanges.map((e) => redactor.exchange(e)),
  };
}

async function runScenario(
  scenario: Scenario,
  ctx: Parameters<Scenario["run"]>[0],
  transport: Transport,
): Promise<CheckOutcome[]> {
  if (scenario.transports !== undefined && !scenario.transports.includes(transport)) {
    return scenario.checks.map((c) => c.skip(`${scenario.name} does not apply over ${transport}`));
  }
  let outcomes: CheckOutcome[];
  try {
    outcomes = await scenario.run(ctx);
  } catch (error) {
    if (error instanceof ForeignActivity) return skipForForeign(scenario.checks, [], error);
    const why =
      error instanceof ScenarioError
        ? error.message
        : `the scenario threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    const evidence =
      error instanceof ScenarioError && error.exchange ? { exchange: error.exchange } : {};
    outcomes = scenario.checks.map((c) => c.fail(`not reached: ${why}`, evidence));
  }
  const reported = new Set(outcomes.map((o) => o.id));
  for (const c of scenario.checks) {
    if (!reported.has(c.id)) outcomes.push(c.skip("not evaluated in this run"));
  }
  return outcomes;
}

function toResult(scenario: Scenario, outcome: CheckOutcome, transport: Transport): CheckResult {
  const check = scenario.checks.find((c) => c.id === outcome.id);
  return {
    ...outcome,
    description: check?.description ?? outcome.id,
    method: outcome.method ?? check?.method ?? "*",
    scenario: scenario.name,
    transport,
  };
}
