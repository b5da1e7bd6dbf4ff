import { coerceQuery } from "./coerceQuery.js";
import type { MethodDescriptor } from "./MethodDescriptor.js";

/** The params of a per-method POST, or why it gets no params: not JSON (-32700), or -32600. */
export type PerMethodParams =
  | { readonly params: unknown }
  | { readonly notJson: true }
  | { readonly invalidRequest: string };

/**
 * The params of `POST /api/v2/{method}`, as the spec's transports say: the JSON body is the
 * params object; an empty body takes them from the query string instead (coerced as for GET).
 * Both at once, or a body that is a JSON-RPC request (it has a `jsonrpc` member; those belong at
 * `POST /api/v2`), are refused with the reason, for -32600 Invalid Request.
 *
 * @example
 * perMethodParams("instrument_name=BTC-PERPETUAL", "", method); // { params: { instrument_name: "BTC-PERPETUAL" } }
 * perMethodParams("", '{"jsonrpc":"2.0","id":1,"method":"public/test"}', method); // { invalidRequest: "..." }
 */
export function perMethodParams(
  query: string,
  body: string,
  method: MethodDescriptor | undefined,
): PerMethodParams {
  if (body.trim() === "") return { params: coerceQuery(query, method) };
  let params: unknown;
  try {
    params = JSON.parse(body);
  } catch {
    return { notJson: true };
  }
  if (typeof params === "object" && params !== null && "jsonrpc" in params) {
    return {
      invalidRequest:
        "the body of POST /api/v2/{method} is the params object, not a JSON-RPC request: send JSON-RPC requests to POST /api/v2",
    };
  }
  if (query !== "") {
    return {
      invalidRequest:
        "params came in both the query string and the body of POST /api/v2/{method}: send them in one of the two",
    };
  }
  return { params };
}
