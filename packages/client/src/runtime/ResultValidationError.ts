import { ClientError } from "./ClientError.js";

/** `validateResults` is on and a result does not match the method's result schema. */
export class ResultValidationError extends ClientError {
  override name = "ResultValidationError";
  readonly result: unknown;
  /** The schema errors, one per line: `/order/order_id must be string`. */
  readonly problems: string;

  constructor(problems: string, options: { method: string; result: unknown }) {
    super("The result does not match the method's result schema in the spec.", {
      method: options.method,
      details: problems,
    });
    this.result = options.result;
    this.problems = problems;
  }
}
