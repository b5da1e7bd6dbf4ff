/** How a query-string value of a GET request is coerced, from the param's schema. */
export type ParamKind = "string" | "integer" | "number" | "boolean" | "decimal" | "json";

/** One param of a method, as the transports and the dispatcher need it. */
export interface ParamDescriptor {
  readonly name: string;
  readonly required: boolean;
  readonly kind: ParamKind;
}

/**
 * One method of the spec, as generated into `src/generated/methods.ts`: the data the dispatcher
 * routes, authorises and validates with. The validator itself is in `src/generated/validators.js`.
 */
export interface MethodDescriptor {
  /** The JSON-RPC method name, e.g. `private/close_position`. */
  readonly name: string;
  /** The member of `Handlers` that implements it, e.g. `closePosition`. */
  readonly handler: string;
  readonly params: readonly ParamDescriptor[];
  /** From the spec's `x-auth`; absent means public. */
  readonly auth: { readonly private: boolean; readonly scope?: string };
  /** From the spec's `x-matching-engine`. */
  readonly matchingEngine: boolean;
  /** Every error code the method declares. */
  readonly errors: readonly number[];
  /**
   * The spec's `paramStructure`: `by-position` and `either` methods also take params as an array,
   * mapped to the names in `params` order. Absent (a hand-written table): by name only.
   */
  readonly paramStructure?: "by-name" | "by-position" | "either";
}
