import type { ArgProblem } from "./ArgProblem.js";
import type { OptionSpec } from "./OptionSpec.js";

type Of<K extends ArgProblem["kind"]> = Extract<ArgProblem, { kind: K }>;

/** What a CLI's command line knows, for its messages: every option, and the flags as typed. */
export interface ArgContext {
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Every long flag (`--port`, ...) in the order the options are declared. */
  readonly flags: readonly string[];
}

/** How a CLI words each {@link ArgProblem}: one function per kind. */
export type ArgMessages = {
  readonly [K in ArgProblem["kind"]]: (problem: Of<K>, context: ArgContext) => string;
};

const shown = (got: string | undefined) => (got === undefined ? "nothing" : JSON.stringify(got));

/**
 * The house wording: what was expected and what came.
 *
 * @example
 * houseMessages["missing-value"]({ kind: "missing-value", option: "--port" }, ctx)
 * // "--port expects a value, but got nothing"
 */
export const houseMessages: ArgMessages = {
  "unknown-option": (p, c) =>
    `unknown option ${JSON.stringify(p.option)}. Expected one of ${c.flags.join(", ")}`,
  "unexpected-argument": (p, c) =>
    `unexpected argument ${JSON.stringify(p.argument)}. Expected options only (${c.flags.join(", ")})`,
  "missing-value": (p) => `${p.option} expects a value, but got ${shown(p.got)}`,
  repeated: (p) =>
    `${p.option} was given twice (${JSON.stringify(p.first)} and ${JSON.stringify(p.second)}). Expected it once`,
  "unexpected-value": (p) =>
    `${p.option} takes no value, but got ${JSON.stringify(p.value)}. Expected ${p.option} alone`,
};

function named(option: string, context: ArgContext): string {
  const name = option.startsWith("--") ? option.slice(2) : undefined;
  const short = name === undefined ? undefined : context.options[name]?.short;
  return short === undefined ? option : `-${short}, ${option}`;
}

/**
 * `node:util` `parseArgs`'s own wording in strict mode (what `unwind-conformance` and
 * `unwind-soak` printed when they called it directly).
 */
export const nodeMessages: ArgMessages = {
  "unknown-option": (p) => `Unknown option '${p.option}'`,
  "unexpected-argument": (p) =>
    `Unexpected argument '${p.argument}'. This command does not take positional arguments`,
  "missing-value": (p, c) =>
    p.got === undefined
      ? `Option '${named(p.option, c)} <value>' argument missing`
      : `Option '${named(p.option, c)}' argument is ambiguous.\nDid you forget to specify the option argument for '${p.option}'?\nTo specify an option argument starting with a dash use '${p.option}=-XYZ'.`,
  repeated: (p) => `Option '${p.option}' was given twice`,
  "unexpected-value": (p) => `Option '${p.option}' does not take an argument`,
};
