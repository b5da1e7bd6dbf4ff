import { TransportError } from "./TransportError.js";

/** The server answered something that is not a JSON-RPC 2.0 response (bad JSON, no result). */
export class InvalidResponseError extends TransportError {
  override name = "InvalidResponseError";
  /** What came (the first 200 characters). */
  readonly body: string;

  constructor(problem: string, options: { body: string; method?: string; cause?: unknown }) {
    const body = options.body.length > 200 ? `${options.body.slice(0, 200)}...` : options.body;
    super(`Could not read the response: ${problem}.`, {
      method: options.method,
      cause: options.cause,
      details: `Expected a JSON-RPC 2.0 response object, but got: ${body}`,
    });
    this.body = body;
  }
}
