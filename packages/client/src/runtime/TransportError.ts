import { ClientError } from "./ClientError.js";

/**
 * A call failed below JSON-RPC: timeout, abort, closed connection, HTTP status, unreadable
 * response. The server may or may not have executed the request; it did not answer it.
 */
export class TransportError extends ClientError {
  override name = "TransportError";
}
