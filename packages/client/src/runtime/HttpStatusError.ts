import { TransportError } from "./TransportError.js";

/** The HTTP response had a status other than 2xx and no JSON-RPC error in its body. */
export class HttpStatusError extends TransportError {
  override name = "HttpStatusError";
  readonly status: number;
  readonly url: string;
  /** The response body (the first 1000 characters). */
  readonly body: string;

  constructor(status: number, options: { url: string; body: string; method?: string }) {
    const body = options.body.length > 1000 ? `${options.body.slice(0, 1000)}...` : options.body;
    super(`The server answered HTTP ${status}. Expected 200 with a JSON-RPC response.`, {
      method: options.method,
      metaMessages: [`URL: ${options.url}`],
      details: body || "(empty body)",
    });
    this.status = status;
    this.url = options.url;
    this.body = body;
  }
}
