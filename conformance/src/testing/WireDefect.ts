import type { ServerResponse } from "node:http";
import type { ReferenceHandlers, ReferenceServerOptions, WrapContext } from "@unwind/reference";
import type { ServerLimits } from "@unwind/server";
import type { Framing } from "./Framing.js";

/** A request as the wire proxy saw it. */
export interface ProxiedRequest {
  method?: string;
  params?: unknown;
}

/**
 * One deliberate departure from the spec: a broken server is the reference server with one
 * defect, in its handlers (`wrapHandlers`) or on the wire (a proxy in front of it that rewrites
 * requests or answers). The suite's own tests require the check `caughtBy` to fail against it.
 */
export interface Defect {
  name: string;
  description: string;
  /** The check id that must fail against this server. */
  caughtBy: string;
  /** Whether the check needs `--slow` (real-time waits such as the heartbeat's). */
  slow?: boolean;
  /** The scenarios whose traffic shows the defect (default: those that declare `caughtBy`). */
  scenarios?: string[];
  /** Server-level: limits the reference runs with instead of its defaults. */
  limits?: Partial<ServerLimits>;
  /** Server-level: how the reference is configured (its instruments, clock, first order id, testnet). */
  reference?: Pick<
    ReferenceServerOptions,
    | "host"
    | "instruments"
    | "now"
    | "orderIdStart"
    | "testnet"
    | "accessTtlSeconds"
    | "refreshTtlSeconds"
    | "maxTokensPerKey"
    | "loginThrottle"
  >;
  /** Wire-level: how the proxy writes answers (serialisation, HTTP framing, WebSocket frames). */
  framing?: Framing;
  /** Handler-level: wraps or replaces the reference's handlers. */
  wrapHandlers?: (handlers: ReferenceHandlers, context: WrapContext) => ReferenceHandlers;
  /** Wire-level: rewrites each request text before the reference sees it. */
  request?: (text: string, connection: ProxyConnection) => string;
  /** Wire-level: rewrites the headers of each HTTP request before the reference sees them. */
  headers?: (headers: Record<string, string>) => Record<string, string>;
  /** Wire-level: wraps the handling of each message (an array answers a batch). */
  message?: (text: string, next: (text: string) => Promise<unknown>) => Promise<unknown>;
  /** Wire-level: rewrites each answer object; `undefined` sends nothing. */
  response?: (
    response: Record<string, unknown>,
    request: ProxiedRequest,
  ) => Record<string, unknown> | undefined;
  /** Wire-level: rewrites each HTTP request (path with query, headers, body) before the rest. */
  http?: (request: ProxiedHttpRequest) => ProxiedHttpRequest;
  /** Wire-level: how each HTTP answer is written (default: whole, with its Content-Length). */
  httpWriter?: (res: ServerResponse, status: number, contentType: string, body: string) => void;
  /**
   * Wire-level: for each WebSocket connection, how each answer is written (default: one text
   * frame per answer). `send` writes one frame.
   */
  wsWriter?: (
    send: (text: string, options?: { binary?: boolean }) => void,
  ) => (text: string, request: ProxiedRequest) => void;
  /**
   * Wire-level: for each WebSocket connection, what becomes of the server's notifications
   * (subscriptions, heartbeats), which the proxy otherwise passes on in order, between the
   * answers they came between. `answered` runs after each answer was written.
   */
  wsNotifications?: (connection: WsProxyConnection) => NotificationHandler;
}

/** What a defect does with one connection's notifications. */
export interface NotificationHandler {
  notification(message: Record<string, unknown>): void;
  answered?(request: ProxiedRequest, answer: unknown): void;
}

/** A client WebSocket connection of the proxy, as notification hooks see it. */
export interface WsProxyConnection {
  /** Sends a notification (or any message) to this client, after what was sent before. */
  send(message: Record<string, unknown>): void;
  /** The channels this client is subscribed to, as the answers it got say. */
  readonly channels: Set<string>;
  /** The account this client logged in as (`client_id`), once a public/auth succeeded. */
  account?: string;
  /** The proxy's other open client connections. */
  others(): WsProxyConnection[];
}

/** An HTTP request as the wire proxy forwards it. */
export interface ProxiedHttpRequest {
  httpMethod: string;
  /** Path and query, e.g. `/api/v2/private/get_position?instrument_name=BTC-PERPETUAL`. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What the proxy knows about the client connection a message came on. */
export interface ProxyConnection {
  transport: "http" | "ws";
  /** HTTP: an Authorization header came; WebSocket: a public/auth on this connection succeeded. */
  authenticated: boolean;
  /** A maker access token the proxy obtained at start. */
  makerToken: string;
}
