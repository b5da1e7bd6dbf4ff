import type { IncomingMessage, ServerResponse } from "node:http";
import { nowMicros } from "@unwind/protocol";
import { AddressLimits } from "./AddressLimits.js";
import { coerceQuery } from "./coerceQuery.js";
import type { Dispatcher } from "./createDispatcher.js";
import type { DispatchResult } from "./createInvoker.js";
import { HttpSession } from "./HttpSession.js";
import { lingerOnClose } from "./lingerOnClose.js";
import type { PendingCounter } from "./PendingCounter.js";
import { perMethodParams } from "./perMethodParams.js";
import { declaresTooLarge, readBody } from "./readBody.js";
import type { ServerLimits } from "./ServerLimits.js";
import { sendFault } from "./sendFault.js";

export interface HttpHandlerOptions {
  readonly dispatcher: Dispatcher;
  readonly limits: ServerLimits;
  /** Counts requests whose body is being read, for graceful shutdown (the dispatcher counts the rest). */
  readonly requests: PendingCounter;
  /** While true, answers carry `connection: close`. */
  readonly isClosing: () => boolean;
  /** The dispatcher's clock (ms since the epoch), for the rate limit's buckets; `Date.now`. */
  readonly now?: () => number;
  /** Connections already refused (over a connection cap): their requests get nothing more. */
  readonly refused?: (req: IncomingMessage) => boolean;
  /** The JSON-RPC endpoint (default `/api/v2`); `{path}/{method}` serves the per-method form. */
  readonly path?: string;
  /** The WebSocket endpoint (default `/ws/api/v2`), answered 426 over plain HTTP. */
  readonly wsPath?: string;
}

/** The `node:http` server's `request` and `checkContinue` listeners. */
export interface HttpHandler {
  request(req: IncomingMessage, res: ServerResponse): void;
  /** A request with `Expect: 100-continue`: `100 Continue` goes out only for a body that will be read. */
  checkContinue(req: IncomingMessage, res: ServerResponse): void;
}

const jsonType = /^application\/(?:[\w.+-]+\+)?json$/;

/**
 * The HTTP transport: `POST /api/v2` (a JSON-RPC request body) and `GET|POST /api/v2/{method}`
 * (params from the query, coerced by each param's kind, or for a POST the JSON body as the params
 * object: see `perMethodParams`).
 * JSON-RPC errors come in a 200 body; transport faults get 404, 405, 413, 415 or 426. A POST body
 * must be `application/json` (or `application/*+json`) or come without a content type.
 *
 * A body over `maxBodyBytes` gets 413 and the connection is closed gracefully: a declared one
 * before anything is read (and without `100 Continue`), a chunked one as soon as it passes the
 * limit, the rest of it read and dropped for a moment so that the client reads the 413 instead of
 * a reset. A body not complete within `httpBodyTimeoutMs` gets 408 the same way.
 */
export function createHttpHandler(options: HttpHandlerOptions): HttpHandler {
  const { dispatcher, limits, requests, isClosing } = options;
  const refused = options.refused ?? (() => false);
  const base = options.path ?? "/api/v2";
  const wsPath = options.wsPath ?? "/ws/api/v2";
  const limiter = Number.isFinite(limits.maxRequestsPerSecond)
    ? new AddressLimits(limits.maxRequestsPerSecond, options.now ?? Date.now)
    : undefined;

  function reply(res: ServerResponse, out: DispatchResult): void {
    if (typeof out === "object") {
      out.then((text) => reply(res, text));
      return;
    }
    if (res.destroyed) return;
    const headers: Record<string, string | number> = { "content-type": "application/json" };
    if (isClosing()) headers["connection"] = "close";
    if (out === undefined) {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    headers["content-length"] = Buffer.byteLength(out);
    res.writeHead(200, headers);
    res.end(out);
  }

  /** A fault that ends the connection: closed gracefully, after the client read the answer. */
  function closingFault(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    error: string,
    message: string,
    details: Record<string, unknown>,
  ): void {
    lingerOnClose(req.socket);
    sendFault(res, status, error, message, details, { connection: "close" });
  }

  function tooLarge(req: IncomingMessage, res: ServerResponse): void {
    const limit = limits.maxBodyBytes;
    const message = `request body is larger than the limit of ${limit} bytes`;
    closingFault(req, res, 413, "payload_too_large", message, { limit });
  }

  function post(
    req: IncomingMessage,
    res: ServerResponse,
    usIn: number,
    method: string | undefined,
    expectsContinue: boolean,
  ): void {
    const type = req.headers["content-type"];
    if (type !== undefined && type !== "application/json" && !isJsonType(type)) {
      const message = `content-type ${type} is not supported. Expected application/json`;
      closingFault(req, res, 415, "unsupported_media_type", message, {});
      return;
    }
    if (declaresTooLarge(req, limits.maxBodyBytes)) {
      tooLarge(req, res);
      return;
    }
    if (expectsContinue) res.writeContinue();
    requests.enter();
    readBody(req, limits.maxBodyBytes, limits.httpBodyTimeoutMs, (outcome) => {
      requests.leave();
      if ("body" in outcome) answer(req, res, usIn, method, outcome.body);
      else if (outcome.fault === "too_large") tooLarge(req, res);
      else if (outcome.fault === "timeout") {
        const timeout = limits.httpBodyTimeoutMs;
        const message = `request body not received within ${timeout} ms`;
        closingFault(req, res, 408, "request_timeout", message, { timeout_ms: timeout });
      }
    });
  }

  function answer(
    req: IncomingMessage,
    res: ServerResponse,
    usIn: number,
    method: string | undefined,
    body: string,
  ): void {
    const session = new HttpSession(req, res, body, limiter?.of(req));
    if (method === undefined) {
      reply(res, dispatcher.handleText(body, session, usIn));
      return;
    }
    const url = req.url ?? "";
    const q = url.indexOf("?");
    const read = perMethodParams(q < 0 ? "" : url.slice(q + 1), body, dispatcher.method(method));
    // The dispatcher answers -32700 for text that is not JSON.
    if ("notJson" in read) reply(res, dispatcher.handleText(body, session, usIn));
    else if ("invalidRequest" in read)
      reply(res, dispatcher.invalidRequest(read.invalidRequest, usIn));
    else reply(res, dispatcher.callMethod(method, read.params, session, usIn));
  }

  function route(
    req: IncomingMessage,
    res: ServerResponse,
    usIn: number,
    expectsContinue: boolean,
  ): void {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    if (path === base) {
      if (req.method === "POST") post(req, res, usIn, undefined, expectsContinue);
      else notAllowed(res, req.method, path, "POST");
    } else if (path.startsWith(`${base}/`)) {
      let method: string;
      try {
        method = decodeURIComponent(path.slice(base.length + 1));
      } catch {
        sendFault(res, 404, "not_found", `${path} is not a valid method path`);
        return;
      }
      if (req.method === "GET") {
        const params = coerceQuery(q < 0 ? "" : url.slice(q + 1), dispatcher.method(method));
        const session = new HttpSession(req, res, "", limiter?.of(req));
        reply(res, dispatcher.callMethod(method, params, session, usIn));
      } else if (req.method === "POST") post(req, res, usIn, method, expectsContinue);
      else notAllowed(res, req.method, path, "GET, POST");
    } else if (path === wsPath) {
      const message = `${wsPath} is the WebSocket endpoint`;
      sendFault(res, 426, "upgrade_required", message, {}, { upgrade: "websocket" });
    } else {
      const message = `no route for ${path}. Expected ${base}, ${base}/{method} or ${wsPath}`;
      sendFault(res, 404, "not_found", message);
    }
  }

  return {
    request(req, res) {
      if (!refused(req)) route(req, res, nowMicros(), false);
    },
    checkContinue(req, res) {
      if (!refused(req)) route(req, res, nowMicros(), true);
    },
  };
}

function isJsonType(type: string): boolean {
  return jsonType.test(type.split(";")[0]!.trim().toLowerCase());
}

function notAllowed(res: ServerResponse, method: string | undefined, path: string, allow: string) {
  const message = `${method} is not allowed on ${path}. Expected ${allow}`;
  sendFault(res, 405, "method_not_allowed", message, { allow: allow.split(", ") }, { allow });
}
