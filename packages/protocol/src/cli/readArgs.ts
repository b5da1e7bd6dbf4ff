import { parseArgs } from "node:util";
import { type ArgContext, type ArgMessages, houseMessages } from "./ArgMessages.js";
import type { ArgProblem } from "./ArgProblem.js";
import type { ArgValues, OptionSpec } from "./OptionSpec.js";

/** How {@link readArgs} reads one CLI's command line. */
export interface ReadArgsConfig<O extends Readonly<Record<string, OptionSpec>>> {
  readonly options: O;
  /** Arguments that are not options are kept (default: each one is a problem). */
  readonly allowPositionals?: boolean;
  /** Drop `--` wherever it stands (`pnpm x -- --flag` passes it through); default: after `--` all is positional. */
  readonly skipSeparator?: boolean;
  /** `""` is a value (default: it is a missing value). */
  readonly allowEmpty?: boolean;
  /** A flag given twice keeps its last value (default) or is a problem (`false`). */
  readonly allowRepeats?: boolean;
  /** The CLI's wording of each problem (default {@link houseMessages}). */
  readonly messages?: Partial<ArgMessages>;
}

/** A command line read: its values and positionals, or the first problem and its message. */
export type ReadArgsResult<O extends Readonly<Record<string, OptionSpec>>> =
  | { readonly ok: true; values: ArgValues<O>; readonly positionals: string[] }
  | { readonly ok: false; readonly problem: ArgProblem; readonly message: string };

/** A value that is the next flag rather than a value: `--port --host`, `--out -h` (not `-5`). */
const looksLikeOption = (value: string) =>
  (value.startsWith("--") && value.length > 2) || /^-[A-Za-z]/.test(value);

/**
 * Reads a command line (without `node` and the script) with `node:util` `parseArgs` and checks
 * what it leaves to the caller: a string option with no value or with the next flag as its value,
 * an empty value, a repeated flag, a value given to a boolean, an unknown flag, a positional.
 * The first problem in argument order comes back with its message, worded by `config.messages`.
 *
 * @example
 * readArgs(["--port", "0"], { options: { port: { type: "string" } } })
 * // { ok: true, values: { port: "0" }, positionals: [] }
 */
export function readArgs<const O extends Readonly<Record<string, OptionSpec>>>(
  argv: readonly string[],
  config: ReadArgsConfig<O>,
): ReadArgsResult<O> {
  const options = config.options as Readonly<Record<string, OptionSpec>>;
  const context: ArgContext = { options, flags: Object.keys(options).map((name) => `--${name}`) };
  const messages: ArgMessages = { ...houseMessages, ...config.messages };
  const refuse = (problem: ArgProblem): ReadArgsResult<O> => ({
    ok: false,
    problem,
    message: (messages[problem.kind] as (p: ArgProblem, c: ArgContext) => string)(problem, context),
  });
  const args = config.skipSeparator ? argv.filter((a) => a !== "--") : [...argv];
  const nodeOptions: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, spec] of Object.entries(options)) {
    nodeOptions[name] =
      spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  const { tokens } = parseArgs({
    args,
    options: nodeOptions,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | string[] | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      if (!config.allowPositionals)
        return refuse({ kind: "unexpected-argument", argument: token.value });
      positionals.push(token.value);
      continue;
    }
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    const option = token.rawName;
    if (spec === undefined) {
      return refuse(
        token.value === undefined
          ? { kind: "unknown-option", option }
          : { kind: "unknown-option", option, value: token.value },
      );
    }
    if (spec.type === "boolean") {
      if (token.value !== undefined)
        return refuse({ kind: "unexpected-value", option, value: token.value });
      values[token.name] = true;
      if (spec.stops) break;
      continue;
    }
    const value = token.value;
    if (value === undefined) return refuse({ kind: "missing-value", option });
    if ((!token.inlineValue && looksLikeOption(value)) || (value === "" && !config.allowEmpty)) {
      return refuse({ kind: "missing-value", option, got: value });
    }
    const before = values[token.name];
    if (spec.multiple) {
      values[token.name] = [...((before as string[] | undefined) ?? []), value];
    } else if (before !== undefined && config.allowRepeats === false) {
      return refuse({ kind: "repeated", option, first: before as string, second: value });
    } else {
      values[token.name] = value;
    }
  }
  return { ok: true, values: values as ArgValues<O>, positionals };
}
