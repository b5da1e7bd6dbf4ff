import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

const error = (name: string) => specRef(undefined, `/components/errors/${name}`);

/** Negative checks of the JSON-RPC layer: malformed bytes and requests the spec refuses. */
export const protocolChecks = {
  parseError: defineCheck({
    id: "protocol-parse-error",
    description: "Text that is not JSON answers -32700 Parse error with id null",
    method: "*",
    specReferences: [error("ParseError"), specRef(undefined, "/x-protocol-errors")],
  }),
  invalidRequest: defineCheck({
    id: "protocol-invalid-request",
    description:
      'A JSON object that is not a request (no method, method not a string, jsonrpc not "2.0") answers -32600',
    method: "*",
    specReferences: [error("InvalidRequest")],
  }),
  batch: defineCheck({
    id: "protocol-batch",
    description:
      "A batch (JSON array) answers one -32600 object that says batches are not supported",
    method: "*",
    specReferences: [specRef(undefined, "/x-transports/batch"), error("InvalidRequest")],
  }),
  positionalParams: defineCheck({
    id: "protocol-positional-params",
    description: "params as an array (by position) answers -32602",
    method: "*",
    specReferences: [specRef(undefined, "/x-transports/paramStructure"), error("InvalidParams")],
  }),
  methodNotFound: defineCheck({
    id: "protocol-method-not-found",
    description:
      "An unknown method answers -32601 Method not found (public/no_such_method, and private/no_such_method without credentials: the method is looked up before credentials)",
    method: "*",
    specReferences: [error("MethodNotFound")],
  }),
  notification: defineCheck({
    id: "protocol-notification",
    description: "A request without id is a notification: no answer",
    method: "*",
    specReferences: [specRef(undefined, "/x-transports/notifications")],
  }),
  httpStatus: defineCheck({
    id: "http-transport-status",
    description:
      "HTTP transport faults use HTTP codes: 404 unknown path, 405 wrong verb (HTTP only)",
    method: "*",
    specReferences: [specRef(undefined, "/x-transports/http")],
  }),
  httpBodyTooLarge: defineCheck({
    id: "http-body-too-large",
    description:
      "POST /api/v2 with a body one byte over the server's declared limit (--max-body-bytes) answers HTTP 413; a body at the limit does not (HTTP only)",
    method: "*",
    specReferences: [specRef(undefined, "/info/description")],
  }),
  httpMediaType: defineCheck({
    id: "http-unsupported-media-type",
    description:
      "POST /api/v2 with Content-Type text/plain and a valid JSON-RPC body answers HTTP 415 (HTTP only)",
    method: "*",
    specReferences: [
      specRef(undefined, "/x-transports/http"),
      specRef(undefined, "/info/description"),
    ],
  }),
};
