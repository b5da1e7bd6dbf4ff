import { TransportError } from "./TransportError.js";

/** No response came within `timeoutMs` (waiting for a connection counts too). */
export class TimeoutError extends TransportError {
  override name = "TimeoutError";
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: { method?: string } = {}) {
    super(`The request timed out after ${timeoutMs} ms without a response.`, {
      method: options.method,
      details: "the server may still execute it; raise timeoutMs or check the connection",
    });
    this.timeoutMs = timeoutMs;
  }
}
