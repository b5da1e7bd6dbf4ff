import { AbortedError } from "./AbortedError.js";
import { ClientError } from "./ClientError.js";
import { HttpStatusError } from "./HttpStatusError.js";
import { InvalidResponseError } from "./InvalidResponseError.js";
import type { RpcResponse } from "./RpcResponse.js";
import { readResult } from "./readResult.js";
import { TimeoutError } from "./TimeoutError.js";
import type { CallOptions, RpcTransport } from "./Transport.js";
import { TransportError } from "./TransportError.js";
import { toQuery } from "./toQuery.js";
import { type ErrorClasses, toRpcError } from "./toRpcError.js";
import { toRpcResponse } from "./toRpcResponse.js";

/** One HTTP request about to be sent, as an `authorize` hook sees it. */
export interface HttpRequestInfo {
  /** The JSON-RPC method, e.g. `private/close_position`. */
  readonly rpcMethod: string;
  readonly httpMethod: "GET" | "POST";
  readonly url: URL;
  /** `url.pathname + url.search`: the request target a signature covers. */
  readonly pathAndQuery: string;
  /** The body exactly as sent (`""` for GET). */
  readonly body: string;
}

export interface HttpTransportOptions {
  /** The JSON-RPC endpoint, e.g. `http://127.0.0.1:8080/api/v2`. */
  url: string;
  /** `POST` a JSON-RPC body to `url` (default), or `GET {url}/{method}?{params}`. */
  httpMethod?: "POST" | "GET";
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  /** Default per-call timeout in ms (default 30 000; `0` for none). */
  timeoutMs?: number;
  /** Returns the `Authorization` header for a request, or `undefined` for none. */
  authorize?: (request: HttpRequestInfo) => string | undefined | Promise<string | undefined>;
  errorClasses?: ErrorClasses;
}

interface Exchange {
  message: Record<string, unknown>;
  rttMs: number;
}

/**
 * A JSON-RPC transport over `fetch`: `POST /api/v2` with a JSON-RPC body, or the
 * `GET /api/v2/{method}?query` form. JSON-RPC errors reject with their `RpcError` class
 * (also when a Deribit server sends them with a 4xx status); other statuses reject with
 * `HttpStatusError`.
 */
export function createHttpTransport(options: HttpTransportOptions): RpcTransport {
  const base = options.url.replace(/\/+$/, "");
  const httpMethod = options.httpMethod ?? "POST";
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const classes = options.errorClasses ?? {};
  let nextId = 1;

  async function exchange(
    method: string,
    params: object,
    call: CallOptions,
    notification = false,
  ): Promise<Exchange> {
    const id = notification ? undefined : nextId++;
    const signal = call.signal;
    if (signal?.aborted) throw new AbortedError({ method, reason: signal.reason });
    let url: URL;
    let body = "";
    if (httpMethod === "GET") {
      url = new URL(`${base}/${method.replace(/^\//, "")}`);
      url.search = toQuery(params);
    } else {
      url = new URL(base);
      body = JSON.stringify(
        notification ? { jsonrpc: "2.0", method, params } : { jsonrpc: "2.0", id, method, params },
      );
    }
    const controller = new AbortController();
    let failure: TransportError | undefined;
    const fail = (error: TransportError) => {
      failure ??= error;
      controller.abort(error);
    };
    const timeoutMs = call.timeoutMs ?? defaultTimeout;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => fail(new TimeoutError(timeoutMs, { method })), timeoutMs)
        : undefined;
    const onAbort = () => fail(new AbortedError({ method, reason: signal?.reason }));
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const headers: Record<string, string> = { ...options.headers };
      if (httpMethod === "POST") headers["content-type"] = "application/json";
      const pathAndQuery = url.pathname + url.search;
      const authorization = await options.authorize?.({
        rpcMethod: method,
        httpMethod,
        url,
        pathAndQuery,
        body,
      });
      if (failure) throw failure;
      if (authorization !== undefined) headers.authorization = authorization;
      const started = performance.now();
      const response = await fetchFn(url.href, {
        method: httpMethod,
        headers,
        body: httpMethod === "POST" ? body : undefined,
        signal: controller.signal,
      });
      const text = await response.text();
      const rttMs = performance.now() - started;
      // A notification has no answer to read: any success status means the server took it.
      if (notification && response.ok) return { message: {}, rttMs };
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch (cause) {
        if (!response.ok)
          throw new HttpStatusError(response.status, { url: url.href, body: text, method });
        throw new InvalidResponseError("the body is not JSON", { body: text, method, cause });
      }
      if (!response.ok) {
        const statusError = new HttpStatusError(response.status, {
          url: url.href,
          body: text,
          method,
        });
        const wire = (message as { error?: { code?: unknown; message?: unknown } } | null)?.error;
        if (typeof wire?.code === "number" && typeof wire.message === "string") {
          throw toRpcError(wire as { code: number; message: string }, classes, {
            method,
            cause: statusError,
          });
        }
        throw statusError;
      }
      const echoed = (message as { id?: unknown } | null)?.id;
      if (echoed !== undefined && echoed !== null && echoed !== id) {
        throw new InvalidResponseError(
          `its id ${JSON.stringify(echoed)} is not the request's id ${id}`,
          {
            body: text,
            method,
          },
        );
      }
      return { message: message as Record<string, unknown>, rttMs };
    } catch (error) {
      if (failure) throw failure;
      if (error instanceof ClientError) throw error;
      throw new TransportError(`The HTTP request to ${url.href} failed without a response.`, {
        method,
        cause: error,
      });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  return {
    kind: "http",
    async request(method, params, call = {}) {
      const { message, rttMs } = await exchange(method, params, call);
      const result = readResult(message, method, classes);
      call.onResponse?.(toRpcResponse(message, rttMs));
      return result;
    },
    async send(method, params, call = {}): Promise<RpcResponse> {
      const { message, rttMs } = await exchange(method, params, call);
      readResult(message, method, classes);
      const response = toRpcResponse(message, rttMs);
      call.onResponse?.(response);
      return response;
    },
    async notify(method, params, call = {}) {
      await exchange(method, params, call, true);
    },
    async close() {},
  };
}
