import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { defaultLimits } from "@unwind/server";
import type { Accounts } from "../core/Accounts.js";
import { applyBaseline, type BaselineEntry, parseBaseline } from "../core/baseline.js";
import { createRunContext } from "../core/createRunContext.js";
import { runSuite } from "../core/runSuite.js";
import { scenarioSelected, unknownIds } from "../core/Selection.js";
import { defaultWsUrl, type Target } from "../core/Target.js";
import { Recorder } from "../driver/Recorder.js";
import { recordFixtures } from "../fixtures/recordFixtures.js";
import { referenceAccounts } from "../reference/referenceAccounts.js";
import { toHtmlReport } from "../reports/toHtmlReport.js";
import { toJsonReport } from "../reports/toJsonReport.js";
import { toJunitXml } from "../reports/toJunitXml.js";
import { scenarios } from "../scenarios/index.js";
import { createSpecView } from "../spec/SpecView.js";
import { checkAccounts } from "./checkAccounts.js";
import { consoleProgress, consoleSummary } from "./consoleReporter.js";
import { listChecks } from "./listChecks.js";
import { type CliOptions, parseCliArgs, usage } from "./parseCliArgs.js";
import { probeTarget } from "./probeTarget.js";
import { type ReferenceProcess, startReferenceProcess } from "./startReferenceProcess.js";
import { UsageError } from "./UsageError.js";

/** Where the CLI writes, and the environment it reads accounts from. */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

const ENV = {
  maker: ["UNWIND_MAKER_ID", "UNWIND_MAKER_SECRET"],
  taker: ["UNWIND_TAKER_ID", "UNWIND_TAKER_SECRET"],
} as const;

/** Accounts from the flags, then the environment; the names still missing. */
function accountsFrom(
  options: CliOptions,
  env: CliIo["env"],
): { accounts?: Accounts; missing: string[] } {
  const missing: string[] = [];
  const pick = (role: "maker" | "taker") => {
    const id = options[role].id ?? env[ENV[role][0]];
    const secret = options[role].secret ?? env[ENV[role][1]];
    if (!id) missing.push(`--${role}-id (${ENV[role][0]})`);
    if (!secret) missing.push(`--${role}-secret (${ENV[role][1]})`);
    return { id: id ?? "", secret: secret ?? "" };
  };
  const maker = pick("maker");
  const taker = pick("taker");
  return missing.length === 0 ? { accounts: { maker, taker }, missing } : { missing };
}

function readBaseline(path: string | undefined): BaselineEntry[] {
  if (path === undefined) return [];
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`could not read --baseline ${path}: ${(error as Error).message}`);
  }
  let entries: BaselineEntry[];
  try {
    entries = parseBaseline(text);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
  const unknown = unknownIds(
    entries.map((e) => e.id),
    scenarios,
  );
  if (unknown.length > 0) {
    throw new UsageError(`${path} names no check or scenario: ${unknown.join(", ")} (see --list)`);
  }
  return entries;
}

function write(path: string, text: string): void {
  const full = resolve(path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}

/**
 * The `unwind-conformance` command: parses arguments, starts the reference server when no
 * `--url` is given, runs the suite (or records fixtures), prints progress and a summary per
 * method, writes reports, and returns the exit code (0 passed, 1 a check failed, 2 usage error
 * or server unreachable).
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { stdout: console.log, stderr: console.error, env: process.env });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let reference: ReferenceProcess | undefined;
  try {
    const options = parseCliArgs(argv);
    if (options.command === "help") {
      io.stdout(usage.trimEnd());
      return 0;
    }
    if (options.command === "list") {
      for (const line of listChecks(scenarios)) io.stdout(line);
      return 0;
    }
    const unknown = unknownIds([...options.only, ...options.skip], scenarios);
    if (unknown.length > 0)
      throw new UsageError(
        `--only/--skip name no check or scenario: ${unknown.join(", ")} (see --list)`,
      );
    const baseline = readBaseline(options.baseline);
    const found = accountsFrom(options, io.env);
    let target: Target;
    let accounts: Accounts;
    if (options.url !== undefined) {
      target = { httpUrl: options.url, wsUrl: options.wsUrl ?? defaultWsUrl(options.url) };
      if (options.maxBodyBytes !== undefined) target.maxBodyBytes = options.maxBodyBytes;
      const needing = [...scenarios.values()]
        .filter((s) => s.needsAccounts && scenarioSelected(s, options))
        .map((s) => s.name);
      if (found.accounts === undefined && (needing.length > 0 || options.command === "record")) {
        throw new UsageError(
          `two trading accounts are needed (by ${options.command === "record" ? "record" : needing.join(", ")}); missing ${found.missing.join(", ")}. Or run only what needs none: --only public-methods,protocol-errors,envelope,schemas`,
        );
      }
      accounts = found.accounts ?? { maker: { id: "", secret: "" }, taker: { id: "", secret: "" } };
    } else {
      io.stdout(
        "unwind-conformance: no --url: starting the reference server (unwind-reference --port 0 --in-memory)",
      );
      reference = await startReferenceProcess();
      target = {
        ...reference.target,
        maxBodyBytes: options.maxBodyBytes ?? defaultLimits.maxBodyBytes,
      };
      accounts = found.accounts ?? referenceAccounts();
    }
    const transports = options.command === "record" ? (["http"] as const) : options.transports;
    await probeTarget(target, transports, options.timeoutMs);
    const accountsNeeded =
      options.command === "record" ||
      [...scenarios.values()].some((s) => s.needsAccounts && scenarioSelected(s, options));
    if (accountsNeeded) await checkAccounts(target, accounts, transports, options.timeoutMs);

    if (options.command === "record") {
      const ctx = createRunContext({
        transport: "http",
        target,
        accounts,
        instrument: options.instrument,
        seed: options.seed ?? 1,
        propertyRuns: options.propertyRuns,
        timeoutMs: options.timeoutMs,
        slow: false,
        spec: createSpecView(),
        recorder: new Recorder(),
      });
      try {
        const paths = await recordFixtures(ctx, options.out!);
        for (const p of paths) io.stdout(`  wrote ${p}`);
        io.stdout(`recorded ${paths.length} fixtures from ${target.httpUrl}`);
      } finally {
        await ctx.close();
      }
      return 0;
    }

    io.stdout(
      `unwind-conformance: ${target.httpUrl} and ${target.wsUrl}, transports ${options.transports.join(", ")}, instrument ${options.instrument}`,
    );
    const report = await runSuite({
      target,
      accounts,
      instrument: options.instrument,
      transports: options.transports,
      only: options.only,
      skip: options.skip,
      propertyRuns: options.propertyRuns,
      timeoutMs: options.timeoutMs,
      slow: options.slow,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      onEvent: consoleProgress(io.stdout),
    });
    const outcome = applyBaseline(report.results, baseline);
    for (const line of consoleSummary(report, outcome)) io.stdout(line);
    const { json, junit, html } = options.reports;
    if (json !== undefined)
      write(json, `${JSON.stringify(toJsonReport(report, outcome), null, 2)}\n`);
    if (junit !== undefined) write(junit, toJunitXml(report, outcome));
    if (html !== undefined) write(html, toHtmlReport(report, outcome));
    for (const [kind, path] of Object.entries(options.reports))
      io.stdout(`${kind} report: ${resolve(path)}`);
    return outcome.unexpected.length === 0 && outcome.stale.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`unwind-conformance: ${error.message}`);
      if (
        /^(--|record|two trading|could not read --baseline|unknown|Unknown|Unexpected)/.test(
          error.message,
        )
      ) {
        io.stderr("run unwind-conformance --help for the options");
      }
      return 2;
    }
    io.stderr(
      `unwind-conformance: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 2;
  } finally {
    await reference?.stop();
  }
}
