/** The part of an ajv `ErrorObject` the dispatcher reads. */
export interface ValidationError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/**
 * A compiled validator of one method's by-name params object, as ajv standalone code emits it into
 * `src/generated/validators.js`: returns whether the params are valid and leaves the reasons in
 * `errors` (the first one is reported).
 */
export type ParamValidator = ((data: unknown) => boolean) & {
  errors?: readonly ValidationError[] | null;
};
