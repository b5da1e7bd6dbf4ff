import type { Transport } from "./Transport.js";

/** One request sent by the suite and what came back: the evidence every check reads. */
export interface Exchange {
  transport: Transport;
  url: string;
  /** `POST` or `GET` over HTTP; absent over WebSocket. */
  httpMethod?: string;
  requestHeaders?: Record<string, string>;
  /** The raw text sent (a JSON-RPC message, or deliberately malformed bytes). */
  request: string;
  /** The JSON-RPC method of the request, when it could be read. */
  method?: string;
  /** The request's `id` when it has one (`undefined` for a notification or unreadable text). */
  requestId?: unknown;
  /** HTTP status; absent over WebSocket. */
  status?: number;
  responseText?: string;
  /** The response parsed as JSON, when it was JSON. */
  response?: unknown;
  /** The client's clock when the request left, microseconds since the epoch. */
  sentAtUs: number;
  receivedAtUs?: number;
  durationMs: number;
  /** A transport failure: refused connection, timeout, closed socket. */
  error?: string;
  /** The scenario that sent it (set by the recorder). */
  scenario?: string;
  /**
   * WebSocket: the answer's position among the frames of its connection, notifications
   * included (see `NotificationLog`): what came before it, and what after.
   */
  frame?: number;
  /**
   * WebSocket: server notifications that are part of the evidence of a failure (a copy of the
   * exchange made for the verdict carries them; the recorded exchange never does).
   */
  notifications?: string[];
  /** WebSocket: the answer came in a binary frame, not a text frame. */
  binaryFrame?: boolean;
  /**
   * WebSocket: frames carrying this request's id that came after its answer (`late: false`, a
   * duplicate) or after the driver stopped waiting for it (`late: true`). They are kept here, on
   * the request they answer, and never handed to a later request.
   */
  laterAnswers?: LaterAnswer[];
}

/** A frame that answered a request again, or too late; see {@link Exchange.laterAnswers}. */
export interface LaterAnswer {
  text: string;
  /** The client's clock when it arrived, microseconds since the epoch. */
  atUs: number;
  late: boolean;
}

/** A JSON-RPC error object as read from a response. */
export interface WireError {
  code: unknown;
  message: unknown;
  data?: unknown;
}

/** The client's clock in microseconds since the epoch. */
export function nowUs(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/** Reads `method` and `id` from request text, when it is a JSON object. */
export function readRequest(text: string): { method?: string; requestId?: unknown } {
  try {
    const value = JSON.parse(text) as unknown;
    if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
    const out: { method?: string; requestId?: unknown } = {};
    const o = value as Record<string, unknown>;
    if (typeof o["method"] === "string") out.method = o["method"].replace(/^\//, "");
    if ("id" in o) out.requestId = o["id"];
    return out;
  } catch {
    return {};
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The response's `error` member, when the response is an object that has one. */
export function wireError(exchange: Exchange): WireError | undefined {
  const error = asObject(asObject(exchange.response)?.["error"]);
  return error as WireError | undefined;
}

/** Whether the response has a `result` member. */
export function hasResult(exchange: Exchange): boolean {
  const o = asObject(exchange.response);
  return o !== undefined && "result" in o;
}

/** The response's `result` member (undefined when absent). */
export function resultOf<T = any>(exchange: Exchange): T {
  return asObject(exchange.response)?.["result"] as T;
}

/** A short account of what came back: `error 10000 authorization_required`, `result`, `HTTP 404`. */
export function describeOutcome(exchange: Exchange): string {
  if (exchange.error !== undefined) return exchange.error;
  const error = wireError(exchange);
  if (error !== undefined) {
    const data = error.data === undefined ? "" : ` ${JSON.stringify(error.data)}`;
    return `error ${String(error.code)} ${String(error.message)}${data}`;
  }
  if (hasResult(exchange)) return `result ${truncate(JSON.stringify(resultOf(exchange)), 160)}`;
  if (exchange.responseText === undefined || exchange.responseText === "") {
    return exchange.status === undefined ? "no response" : `HTTP ${exchange.status}, empty body`;
  }
  return `${exchange.status === undefined ? "" : `HTTP ${exchange.status} `}${truncate(exchange.responseText, 160)}`;
}

/** Cuts text to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
