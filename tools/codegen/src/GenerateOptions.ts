/** The things the generator writes (`tables`: the error table, enums and types as plain data). */
export type Target = "server" | "client" | "docs" | "tables";

export const targetNames: readonly Target[] = ["server", "client", "docs", "tables"];

/** Options of `generate`; resolved once into the context (`createContext`). */
export interface GenerateOptions {
  readonly target: Target;
  /** The spec's file name as the header shows it (default `openrpc.json`). */
  readonly specName?: string;
  /** The spec's exact text, hashed into the header (default: the document as 2-space JSON). */
  readonly specText?: string;
  /**
   * Server validators: `reject` answers a param the method does not declare with -32602 (catches
   * typos); `ignore` lets it through as JSON-RPC servers commonly do. Default `reject`.
   */
  readonly unknownParams?: "reject" | "ignore";
  /** Where the Markdown reference lives, for `@see` links in TSDoc (e.g. `spec/docs`). */
  readonly docsBase?: string;
  /**
   * The module generated code imports its runtime from (default `@unwind/client/runtime` for the
   * client, `@unwind/server/runtime` for the server).
   */
  readonly runtime?: string;
  /**
   * How the client sends the params of a method whose `paramStructure` is `either` (OpenRPC's
   * default): `by-position` (default; what Ethereum-style servers expect) or `by-name`.
   */
  readonly eitherParams?: "by-position" | "by-name";
  /**
   * Writes a whole package around the code (client or server target): `package.json` named so,
   * `tsconfig.json`, a README with one example per method, the code under `src/`.
   */
  readonly package?: PackageOptions;
}

/** The package `--package` writes. */
export interface PackageOptions {
  /** The npm name, e.g. `@acme/eth-client`. */
  readonly name: string;
  /** Its version (default: the document's `info.version` when it is semver, else `0.1.0`). */
  readonly version?: string;
  /** The version range of the runtime dependency (default {@link runtimeRange}). */
  readonly runtimeVersion?: string;
}

/** The range of `@unwind/client` / `@unwind/server` a generated package depends on by default. */
export const runtimeRange = "^0.1.0";

/** One generated file: its path relative to the output directory, and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}
