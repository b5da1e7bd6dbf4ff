import { TransportError } from "./TransportError.js";

/** The caller's `AbortSignal` fired before the response came; `cause` is the signal's reason. */
export class AbortedError extends TransportError {
  override name = "AbortedError";

  constructor(options: { method?: string; reason?: unknown } = {}) {
    super("The request was aborted by its AbortSignal before a response came.", {
      method: options.method,
      cause: options.reason,
    });
  }
}
