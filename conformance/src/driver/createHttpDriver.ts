import type { CallOptions, Driver, SendOptions } from "./Driver.js";
import { requestText } from "./Driver.js";
import { type Exchange, nowUs, readRequest } from "./Exchange.js";
import { httpRoundTrip, type RoundTripRequest, type RoundTripResponse } from "./httpRoundTrip.js";
import { NotificationLog } from "./NotificationLog.js";
import { resendWhileLimited } from "./resendWhileLimited.js";

/** Options of {@link createHttpDriver}. */
export interface HttpDriverOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** Headers sent with every request (e.g. `Authorization`). */
  headers?: Record<string, string>;
  timeoutMs?: number;
  onExchange?: (exchange: Exchange) => void;
}

/** An HTTP request outside `POST /api/v2`: the per-method form, or a signed request. */
export interface HttpRequest {
  /** `GET`, `POST`, or any other verb (to test 405). */
  httpMethod: string;
  /** Path and query, e.g. `/api/v2/public/test?expected_result=exception`. */
  path: string;
  body?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** The HTTP driver: `POST /api/v2` for JSON-RPC text, plus any other request. */
export interface HttpDriver extends Driver {
  request(request: HttpRequest): Promise<Exchange>;
}

/**
 * A raw driver over HTTP (`node:http` on keep-alive connections, bodies decoded).
 *
 * @example
 * const http = createHttpDriver({ baseUrl: "http://127.0.0.1:8080" });
 * const exchange = await http.send("{not json");
 */
export function createHttpDriver(options: HttpDriverOptions): HttpDriver {
  const base = options.baseUrl.replace(/\/+$/, "");
  const defaultTimeout = options.timeoutMs ?? 10_000;
  let nextId = 1;

  const resend = resendWhileLimited();
  const request = (req: HttpRequest) => resend(() => requestOnce(req));

  async function requestOnce(req: HttpRequest): Promise<Exchange> {
    const url = base + req.path;
    const headers: Record<string, string> = { ...options.headers, ...req.headers };
    if (req.body !== undefined && !Object.keys(headers).some((h) => /^content-type$/i.test(h))) {
      headers["content-type"] = "application/json";
    }
    // Said, so that reports show it; the answer is decoded either way.
    if (!Object.keys(headers).some((h) => /^accept-encoding$/i.test(h))) {
      headers["accept-encoding"] = "gzip, deflate";
    }
    const body = req.body ?? "";
    // In the per-method form the path names the method and a body is the params: no request id.
    const perMethod = req.path.startsWith("/api/v2/");
    const exchange: Exchange = {
      transport: "http",
      url,
      httpMethod: req.httpMethod,
      requestHeaders: headers,
      request: body,
      ...(perMethod ? {} : readRequest(body)),
      sentAtUs: nowUs(),
      durationMs: 0,
    };
    if (perMethod) {
      exchange.method = decodeURIComponent(req.path.slice("/api/v2/".length).split("?")[0]!);
    }
    const started = performance.now();
    try {
      const init: RoundTripRequest = {
        method: req.httpMethod,
        headers,
        signal: AbortSignal.timeout(req.timeoutMs ?? defaultTimeout),
      };
      if (req.body !== undefined) init.body = req.body;
      const res = await sendAgainIfClosed(url, init);
      exchange.status = res.status;
      exchange.responseText = res.text;
      exchange.receivedAtUs = nowUs();
      if (exchange.responseText !== "") {
        try {
          exchange.response = JSON.parse(exchange.responseText);
        } catch {
          // Not JSON: the checks report the raw text.
        }
      }
    } catch (error) {
      exchange.error = describeHttpError(error, url, req.timeoutMs ?? defaultTimeout);
    }
    exchange.durationMs = performance.now() - started;
    options.onExchange?.(exchange);
    return exchange;
  }

  const send = (text: string, opts: SendOptions = {}) => {
    const req: HttpRequest = { httpMethod: "POST", path: "/api/v2", body: text };
    if (opts.headers !== undefined) req.headers = opts.headers;
    if (opts.timeoutMs !== undefined) req.timeoutMs = opts.timeoutMs;
    return request(req);
  };

  return {
    transport: "http",
    url: `${base}/api/v2`,
    strays: [],
    notifications: new NotificationLog(),
    request,
    send,
    call: (method: string, params?: unknown, opts: CallOptions = {}) =>
      send(requestText(method, params, opts.id ?? nextId++), opts),
    close: async () => {},
  };
}

/** Errors of a connection that closed before any byte of the answer came. */
const CLOSED_UNANSWERED = new Set(["UND_ERR_SOCKET", "UND_ERR_CLOSED", "ECONNRESET", "EPIPE"]);

/** How many times a request goes out again after its connection closed unanswered. */
const RESENDS = 3;

/**
 * The request, sent again when the connection closed before any byte of an answer. A server may
 * close an idle keep-alive connection at any time (RFC 9112, section 9.5), and a request that goes
 * out on it as it closes is never read; the client's other idle connections may have closed with
 * it, so it tries up to {@link RESENDS} more. An answer cut after its first byte is not sent
 * again: the checks judge it.
 */
async function sendAgainIfClosed(url: string, init: RoundTripRequest): Promise<RoundTripResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      // Again on a connection of its own: the pool may not have dropped the closed one yet.
      return await httpRoundTrip(url, attempt === 0 ? init : { ...init, fresh: true });
    } catch (error) {
      const e = error as { code?: string; cause?: { code?: string } };
      const code = e.code ?? e.cause?.code;
      const closed = code !== undefined && CLOSED_UNANSWERED.has(code);
      if (!closed || attempt === RESENDS || init.signal.aborted) throw error;
    }
  }
}

function describeHttpError(error: unknown, url: string, timeoutMs: number): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e.name === "TimeoutError" || e.name === "AbortError") {
    return `no HTTP response from ${url} within ${timeoutMs} ms`;
  }
  const cause = e.cause?.code ?? e.cause?.message;
  return `HTTP request to ${url} failed: ${e.message ?? String(error)}${cause ? ` (${cause})` : ""}`;
}
