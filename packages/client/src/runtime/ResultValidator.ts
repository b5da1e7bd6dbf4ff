/** Checks a method's result; throws `ResultValidationError` when it does not fit the spec. */
export type ResultValidator = (method: string, result: unknown) => void;
