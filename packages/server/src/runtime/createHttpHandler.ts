import type { IncomingMessage, ServerResponse } from "node:http";
import { AddressLimits } from "./AddressLimits.js";
import { coerceQuery } from "./coerceQuery.js";
import type { Dispatcher } from "./createDispatcher.js";
import type { DispatchResult } from "./createInvoker.js";
import { HttpSession } from "./HttpSession.js";
import { nowMicros } from "./nowMicros.js";
import type { PendingCounter } from "./PendingCounter.js";
import { readBody } from "./readBody.js";
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
  /** The JSON-RPC endpoint (default `/api/v2`); `{path}/{method}` serves the per-method form. */
  readonly path?: string;
  /** The WebSocket endpoint (default `/ws/api/v2`), answered 426 over plain HTTP. */
  readonly wsPath?: string;
}

const jsonType = /^application\/(?:[\w.+-]+\+)?json$/;

/**
 * The HTTP transport: `POST /api/v2` (a JSON-RPC request body) and `GET|POST /api/v2/{method}`
 * (params from the query, coerced by each param's kind, or the JSON body as the params object).
 * JSON-RPC errors come in a 200 body; transport faults get 404, 405, 413, 415 or 426. A POST body
 * must be `application/json` (or `application/*+json`) or come without a content type.
 */
export function createHttpHandler(options: HttpHandlerOptions) {
  const { dispatcher, limits, requests, isClosing } = options;
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

  function post(
    req: IncomingMessage,
    res: ServerResponse,
    usIn: number,
    method: string | undefined,
  ): void {
    const type = req.headers["content-type"];
    if (type !== undefined && type !== "application/json" && !isJsonType(type)) {
      const message = `content-type ${type} is not supported. Expected application/json`;
      sendFault(res, 415, "unsupported_media_type", message, {}, { connection: "close" });
      return;
    }
    requests.enter();
    readBody(req, limits.maxBodyBytes, (outcome) => {
      requests.leave();
      if ("body" in outcome) answer(req, res, usIn, method, outcome.body);
      else if (outcome.fault === "too_large") {
        const limit = limits.maxBodyBytes;
        const message = `request body is larger than the limit of ${limit} bytes`;
        sendFault(res, 413, "payload_too_large", message, { limit }, { connection: "close" });
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
    let params: unknown = {};
    if (body.trim() !== "") {
      try {
        params = JSON.parse(body);
      } catch {
        // The dispatcher answers -32700 for text that is not JSON.
        reply(res, dispatcher.handleText(body, session, usIn));
        return;
      }
    }
    reply(res, dispatcher.callMethod(method, params, session, usIn));
  }

  function route(req: IncomingMessage, res: ServerResponse, usIn: number): void {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    if (path === base) {
      if (req.method === "POST") post(req, res, usIn, undefined);
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
      } else if (req.method === "POST") post(req, res, usIn, method);
      else notAllowed(res, req.method, path, "GET, POST");
    } else if (path === wsPath) {
      const message = `${wsPath} is the WebSocket endpoint`;
      sendFault(res, 426, "upgrade_required", message, {}, { upgrade: "websocket" });
    } else {
      const message = `no route for ${path}. Expected ${base}, ${base}/{method} or ${wsPath}`;
      sendFault(res, 404, "not_found", message);
    }
  }

  return function handleHttp(req: IncomingMessage, res: ServerResponse): void {
    route(req, res, nowMicros());
  };
}

function isJsonType(type: string): boolean {
  return jsonType.test(type.split(";")[0]!.trim().toLowerCase());
}

function notAllowed(res: ServerResponse, method: string | undefined, path: string, allow: string) {
  const message = `${method} is not allowed on ${path}. Expected ${allow}`;
  sendFault(res, 405, "method_not_allowed", message, { allow: allow.split(", ") }, { allow });
}
