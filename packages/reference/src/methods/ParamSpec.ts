import type { ParamKind } from "@unwind/server";

/** The JSON Schema subset the spec's params use, as one flat record per param. */
export interface ParamSpec {
  readonly name: string;
  readonly required: boolean;
  /** How a query-string value is coerced (the server's `ParamKind`). */
  readonly kind: ParamKind;
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
}

/** One method of the spec as the reference serves it, until the generated table lands. */
export interface MethodSpec {
  readonly name: string;
  /** The `Handlers` member, e.g. `closePosition`. */
  readonly handler: string;
  readonly params: readonly ParamSpec[];
  readonly auth: { readonly private: boolean; readonly scope?: string };
  readonly matchingEngine: boolean;
  readonly errors: readonly number[];
}
