/**
 * What is wrong with a command line, as {@link readArgs} found it: each CLI words it with its own
 * {@link ArgMessages}. `option` is the flag as typed (`--port`, `-h`).
 */
export type ArgProblem =
  | { readonly kind: "unknown-option"; readonly option: string; readonly value?: string }
  | { readonly kind: "unexpected-argument"; readonly argument: string }
  /** `got`: `undefined` when nothing followed, else what came (`""`, or the next flag). */
  | { readonly kind: "missing-value"; readonly option: string; readonly got?: string }
  | {
      readonly kind: "repeated";
      readonly option: string;
      readonly first: string;
      readonly second: string;
    }
  | { readonly kind: "unexpected-value"; readonly option: string; readonly value: string };
