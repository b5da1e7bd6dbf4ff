/** One option of a command line, as `node:util` `parseArgs` declares it, plus `stops`. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  /** A one-letter alias (`h` for `-h`). */
  readonly short?: string;
  /** Repeatable: every value is kept, in order. */
  readonly multiple?: boolean;
  /** Reading ends here and what came after is not looked at (`--help`: help wins over mistakes after it). */
  readonly stops?: boolean;
}

/** The values of a command line: a string (or all of them when `multiple`) or `true`. */
export type ArgValues<O extends Readonly<Record<string, OptionSpec>>> = {
  -readonly [K in keyof O]?: O[K] extends { readonly multiple: true }
    ? string[]
    : O[K] extends { readonly type: "string" }
      ? string
      : boolean;
};
