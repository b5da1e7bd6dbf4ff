import type {
  ContentDescriptor,
  ErrorObject,
  ExamplePairing,
  MethodObject,
  Schema,
} from "./document.js";

/** One param of a method, its content descriptor resolved. */
export interface ParamModel {
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema;
  readonly descriptor: ContentDescriptor;
}

/** One error class the target declares. */
export interface ErrorModel {
  /** The `components.errors` key, when it is a component. */
  readonly key: string | undefined;
  readonly className: string;
  readonly code: number;
  readonly message: string;
  readonly description: string | undefined;
  readonly data: unknown;
}

/** An example pairing with its params and result resolved. */
export interface ExampleModel {
  readonly name: string | undefined;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly params: readonly { readonly name: string; readonly value: unknown }[];
  /** Present for a success example. */
  readonly result: { readonly value: unknown } | undefined;
  /** Present for an error example (`x-error`). */
  readonly error: ErrorObject | undefined;
}

/** One method, resolved, with every name the targets give it. */
export interface MethodModel {
  readonly name: string;
  /** The `Handlers` member and client function: `closePosition`. */
  readonly key: string;
  readonly method: MethodObject;
  readonly params: readonly ParamModel[];
  readonly paramStructure: "by-name" | "by-position" | "either";
  readonly result: ContentDescriptor | undefined;
  /** Distinct by code, in the order the method declares them. */
  readonly errors: readonly ErrorModel[];
  readonly examples: readonly ExampleModel[];
  readonly tags: readonly string[];
  readonly auth: { readonly private: boolean; readonly scope?: string };
  readonly matchingEngine: boolean;
  readonly typeNames: {
    readonly parameters: string;
    readonly returnType: string;
    readonly errorCode: string;
    readonly errorType: string;
  };
  /** The Markdown page of the method, relative to the docs directory: `methods/private/close_position.md`. */
  readonly docPage: string;
}

export type { ExamplePairing };
