import { type ArgContext, type ArgMessages, readArgs } from "@unwind/protocol/cli";
import { type GenerateOptions, type Target, targetNames } from "./GenerateOptions.js";

/** What the command line asks for. */
export type CliCommand =
  | { readonly kind: "help" }
  | {
      readonly kind: "generate";
      readonly spec: string;
      /** `--ref-base`: the directory file `$ref`s are relative to, instead of the file holding each. */
      readonly refBase?: string;
      readonly out: string;
      readonly check: boolean;
      readonly options: Omit<GenerateOptions, "specText" | "specName"> & {
        readonly target: Target;
      };
    };

/** A command line that does not say what to do; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const usage = `Usage: unwind-codegen --spec <openrpc.json> --target client|server|docs|tables --out <dir> [options]

Generates typed client or server code, a Markdown reference or data tables from an OpenRPC 1.x
document.

Options:
  --spec <file>               the OpenRPC document (JSON, or YAML named .yaml/.yml); $refs to
                              other files are resolved relative to it
  --ref-base <dir>            resolve every $ref to another file relative to <dir> instead
                              (documents whose refs start at their repository's root)
  --target <target>           client | server | docs | tables (error table, enums, types as data)
  --out <dir>                 where the files go (generated files no longer written are removed,
                              other files are left in place)
  --check                     write nothing; exit 1 naming each stale, missing or extra file
                              (files without the generated header are mentioned, not counted)
  --unknown-params <mode>     server: params a method does not declare are rejected (reject,
                              the default) or ignored (ignore)
  --docs-base <path-or-url>   client, server: where the docs target's pages are, for @see links
  --runtime <module>          client, server: what the code imports its runtime from
                              (default @unwind/client/runtime, @unwind/server/runtime)
  --either-params <mode>      client: send the params of paramStructure "either" methods
                              by-position (the default) or by-name
  --package <name>            client, server: write a whole npm package of that name
                              (package.json, tsconfig.json, README.md, the code under src/)
  --package-version <version> its version (default info.version when semver, else 0.1.0)
  --runtime-version <range>   its dependency on the runtime package (default ^0.1.0)
  -h, --help                  print this text

Exit codes: 0 done (or up to date), 1 --check found differences, 2 usage error or --spec not
readable, 3 the document cannot be generated from (the message names the JSON pointer).`;

const value = { type: "string" } as const;
const OPTIONS = {
  spec: value,
  "ref-base": value,
  target: value,
  out: value,
  "unknown-params": value,
  "docs-base": value,
  runtime: value,
  "either-params": value,
  package: value,
  "package-version": value,
  "runtime-version": value,
  check: { type: "boolean" },
  help: { type: "boolean", short: "h", stops: true },
} as const;

const unknown = (raw: string, context: ArgContext) =>
  `unknown option ${raw}. Expected one of ${context.flags.join(", ")}.`;

/** This CLI's wording of a command line it cannot read. */
const messages: Partial<ArgMessages> = {
  "unknown-option": (p, c) =>
    unknown(p.value === undefined ? p.option : `${p.option}=${p.value}`, c),
  "unexpected-value": (p, c) => unknown(`${p.option}=${p.value}`, c),
  "unexpected-argument": (p) =>
    `unexpected argument ${JSON.stringify(p.argument)}. Expected options only (--spec, --target, --out).`,
  "missing-value": (p) =>
    `${p.option} needs a value, but got ${p.got === undefined || p.got === "" ? "nothing" : p.got}.`,
  repeated: (p) => `${p.option} was given twice (${p.first} and ${p.second}). Expected it once.`,
};

/** Reads the command line (without `node` and the script). */
export function parseArgs(argv: readonly string[]): CliCommand {
  const read = readArgs(argv, { options: OPTIONS, allowRepeats: false, messages });
  if (!read.ok) throw new UsageError(read.message);
  if (read.values.help) return { kind: "help" };
  const check = read.values.check === true;
  const values = new Map<string, string>();
  for (const [name, v] of Object.entries(read.values)) {
    if (typeof v === "string") values.set(`--${name}`, v);
  }
  const required = (flag: string, what: string) => {
    const value = values.get(flag);
    if (value === undefined) throw new UsageError(`${flag} is missing. Expected ${flag} ${what}.`);
    return value;
  };
  const spec = required("--spec", "<path of an OpenRPC JSON document>");
  const target = required("--target", targetNames.join("|"));
  if (!targetNames.includes(target as Target)) {
    throw new UsageError(
      `--target must be one of ${targetNames.join(", ")}, but got ${JSON.stringify(target)}.`,
    );
  }
  const out = required("--out", "<directory>");
  const unknownParams = values.get("--unknown-params") ?? "reject";
  if (unknownParams !== "reject" && unknownParams !== "ignore") {
    throw new UsageError(
      `--unknown-params must be reject or ignore, but got ${JSON.stringify(unknownParams)}.`,
    );
  }
  const docsBase = values.get("--docs-base");
  const runtime = values.get("--runtime");
  const eitherParams = values.get("--either-params");
  if (eitherParams !== undefined && eitherParams !== "by-position" && eitherParams !== "by-name") {
    throw new UsageError(
      `--either-params must be by-position or by-name, but got ${JSON.stringify(eitherParams)}.`,
    );
  }
  const packageName = values.get("--package");
  for (const flag of ["--package-version", "--runtime-version"]) {
    if (values.has(flag) && packageName === undefined)
      throw new UsageError(
        `${flag} belongs to --package, which is missing. Expected --package <name>.`,
      );
  }
  if (packageName !== undefined && target === "docs")
    throw new UsageError(
      "--package writes client or server code. Expected --target client or server, but got docs.",
    );
  if (packageName !== undefined && !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(packageName))
    throw new UsageError(
      `--package must be an npm package name such as @acme/eth-client, but got ${JSON.stringify(packageName)}.`,
    );
  const packageVersion = values.get("--package-version");
  const runtimeVersion = values.get("--runtime-version");
  const refBase = values.get("--ref-base");
  return {
    kind: "generate",
    spec,
    ...(refBase === undefined ? {} : { refBase }),
    out,
    check,
    options: {
      target: target as Target,
      unknownParams,
      ...(docsBase === undefined ? {} : { docsBase }),
      ...(runtime === undefined ? {} : { runtime }),
      ...(eitherParams === undefined ? {} : { eitherParams }),
      ...(packageName === undefined
        ? {}
        : {
            package: {
              name: packageName,
              ...(packageVersion === undefined ? {} : { version: packageVersion }),
              ...(runtimeVersion === undefined ? {} : { runtimeVersion }),
            },
          }),
    },
  };
}
