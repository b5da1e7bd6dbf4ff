import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Handlers } from "./generated/handlers.js";
import { type MethodTable, methods as specMethods } from "./generated/methods.js";
import { validators as specValidators } from "./generated/validators.js";
import { attachWebSocket } from "./runtime/attachWebSocket.js";
import { type ChannelHooks, ChannelHub } from "./runtime/ChannelHub.js";
import { ConnectionCaps } from "./runtime/ConnectionCaps.js";
import { createDispatcher } from "./runtime/createDispatcher.js";
import { createHttpHandler } from "./runtime/createHttpHandler.js";
import type { ErrorHook } from "./runtime/createReplies.js";
import type { MethodDescriptor } from "./runtime/MethodDescriptor.js";
import type { MethodHandlers } from "./runtime/MethodHandlers.js";
import { openFileLimit } from "./runtime/openFileLimit.js";
import type { ParamValidator } from "./runtime/ParamValidator.js";
import { PendingCounter } from "./runtime/PendingCounter.js";
import type { ServerAuth } from "./runtime/ServerAuth.js";
import { defaultLimits, type ServerLimits } from "./runtime/ServerLimits.js";
import type { subscriptionMethods } from "./runtime/subscriptionHandlers.js";
import { type transportHandlers, withTransportMethods } from "./runtime/transportHandlers.js";

/** The spec's methods the transport serves itself (the heartbeat): handlers may leave them out. */
type TransportMethods = keyof typeof transportHandlers;
/** The same methods by JSON-RPC method name. */
type TransportMethodNames =
  | "public/set_heartbeat"
  | "public/disable_heartbeat"
  | keyof typeof subscriptionMethods;

/** Handlers by method name, with the transport's methods optional. */
type SpecMethodHandlers = Omit<MethodHandlers<MethodTable>, TransportMethodNames> &
  Partial<Pick<MethodHandlers<MethodTable>, TransportMethodNames>>;

/** Files the process keeps open besides connections (journal, snapshots, stdio, ...). */
const RESERVED_FILES = 64;

interface ServerOptions {
  /** Turns credentials into a principal; required when the API has private methods. */
  readonly auth?: ServerAuth;
  /** Defaults to `127.0.0.1`. */
  readonly host?: string;
  /** Defaults to 0: any free port (read it from the result). */
  readonly port?: number;
  /** The envelope's `testnet`; defaults to false. */
  readonly testnet?: boolean;
  readonly limits?: Partial<ServerLimits>;
  /** Receives every handler exception that is answered as -32603; defaults to `console.error`. */
  readonly onError?: ErrorHook;
  /** The clock (ms since the epoch) that principals' `expiresAt` is compared with; `Date.now`. */
  readonly now?: () => number;
  /** The JSON-RPC endpoint, `/api/v2` by default (`/` for an Ethereum-style server). */
  readonly path?: string;
  /** The WebSocket endpoint, `/ws/api/v2` by default. */
  readonly wsPath?: string;
  /** The app's channel rules: `accept`, `subscribed`, `disconnected` (see `ChannelHooks`). */
  readonly channels?: ChannelHooks;
}

/** A server of the spec: the generated method table and validators, your `Handlers`. */
export interface SpecServerOptions extends ServerOptions {
  /**
   * One function per method of the spec, called with `this` = handlers: the generated `Handlers`
   * (keyed by member, `closePosition`) or `MethodHandlers<MethodTable>` (keyed by method name,
   * `"private/close_position"`). The heartbeat methods may be left out: the transport serves them.
   */
  readonly handlers:
    | (Omit<Handlers, TransportMethods> & Partial<Pick<Handlers, TransportMethods>>)
    | SpecMethodHandlers;
  readonly methods?: undefined;
  readonly validators?: undefined;
}

/** A server of another method table (tests, other OpenRPC documents). */
export interface TableServerOptions extends ServerOptions {
  /** One function per method, by name or descriptor's `handler` member, called with `this` = handlers. */
  readonly handlers: object;
  readonly methods: Readonly<Record<string, MethodDescriptor>>;
  readonly validators: Readonly<Record<string, ParamValidator>>;
}

export type CreateServerOptions = SpecServerOptions | TableServerOptions;

/** A listening server. */
export interface RunningServer {
  /** The JSON-RPC endpoint, e.g. `http://127.0.0.1:43117/api/v2`. */
  readonly url: string;
  /** The WebSocket endpoint, e.g. `ws://127.0.0.1:43117/ws/api/v2`. */
  readonly wsUrl: string;
  readonly host: string;
  readonly port: number;
  /** The underlying `node:http` server (WebSocket upgrades included). */
  readonly httpServer: Server;
  /** The channels: `publish`, `sendTo`, `count` (also `context.channels` in handlers). */
  readonly channels: ChannelHub;
  /**
   * Graceful shutdown: stops accepting connections and reading new requests, answers everything
   * it read (requests running, and those a WebSocket's back-pressure held back, which are answered
   * as the peer reads), closes WebSockets with 1001, and resolves when every connection is closed.
   * After `limits.shutdownGraceMs` it stops waiting: running calls are aborted, and a peer that
   * still is not reading is closed (its unsent answers are lost) and its requests counted in
   * `unanswered`. Calling it again returns the same promise.
   */
  close(): Promise<ShutdownReport>;
}

/** What a graceful shutdown could not do. */
export interface ShutdownReport {
  /**
   * Requests read but never answered: still running or held back by a WebSocket peer that did not
   * read within the grace period, an HTTP body still arriving, or a WebSocket request sent after
   * the shutdown began.
   */
  readonly unanswered: number;
}

/** The default total cap: 4096, or fewer where the process may not open that many files. */
function defaultMaxConnections(files: number | undefined): number {
  const cap = defaultLimits.maxConnections;
  // The cap, not EMFILE, is what a flood must meet.
  return files === undefined ? cap : Math.max(1, Math.min(cap, files - RESERVED_FILES));
}

/**
 * Starts a JSON-RPC server with every transport of the contract on one port: `POST /api/v2`,
 * `GET|POST /api/v2/{method}` and WebSocket `/ws/api/v2`, serving the spec's methods (or the
 * `methods` table given) with `handlers`. Resolves once it listens.
 *
 * @example
 * const server = await createServer({ handlers, auth });
 * console.log(server.url, server.wsUrl);
 * await server.close();
 */
export async function createServer(options: CreateServerOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const limits: ServerLimits = {
    ...defaultLimits,
    maxConnections: defaultMaxConnections(openFileLimit()),
    ...options.limits,
  };
  const path = options.path ?? "/api/v2";
  const wsPath = options.wsPath ?? "/ws/api/v2";
  for (const [name, value] of [
    ["path", path],
    ["wsPath", wsPath],
  ] as const) {
    if (!value.startsWith("/") || (value.length > 1 && value.endsWith("/")) || value.includes("?"))
      throw new TypeError(
        `${name} must be a path such as /api/v2, but got ${JSON.stringify(value)}.`,
      );
  }
  const methods = options.methods ?? specMethods;
  const channels = new ChannelHub(options.channels);
  const dispatcher = createDispatcher({
    ...options,
    channels,
    handlers: withTransportMethods(options.handlers, methods),
    methods,
    validators: options.validators ?? specValidators,
  });
  const now = options.now ?? Date.now;
  const caps = new ConnectionCaps(limits.maxConnections, limits.maxConnectionsPerAddress);
  const requests = new PendingCounter();
  let closing: Promise<ShutdownReport> | undefined;
  const http = createHttpHandler({
    dispatcher,
    limits,
    requests,
    isClosing: () => closing !== undefined,
    now,
    refused: (req) => caps.isRefused(req.socket),
    path,
    wsPath,
  });
  const httpServer = createHttpServer(http.request);
  httpServer.on("checkContinue", http.checkContinue);
  httpServer.on("connection", caps.onConnection);
  const ws = attachWebSocket(httpServer, dispatcher, limits, {
    now,
    isRefused: (socket) => caps.isRefused(socket),
    path: wsPath,
    channels,
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port ?? 0, host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const authority = host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;

  // Everything a shutdown waits for: calls running, HTTP bodies arriving, WebSocket backlogs.
  const work = [dispatcher.pending, requests, ws.held];

  async function settled(): Promise<false> {
    // One counter can go back up while another drains (a backlog dispatched into a running call).
    while (work.some((counter) => counter.count > 0)) {
      await Promise.all(work.map((counter) => counter.idle()));
    }
    return false;
  }

  async function shutdown(): Promise<ShutdownReport> {
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    ws.stopAccepting();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), limits.shutdownGraceMs);
    });
    if (await Promise.race([settled(), grace])) {
      for (const session of ws.sessions) session.abort();
    }
    clearTimeout(timer);
    // Answers of settled calls are written in promise callbacks: let them run first.
    await new Promise((resolve) => setImmediate(resolve));
    // From here on an answer has no open connection to go to.
    const running = dispatcher.pending.count + requests.count;
    await ws.closeAll(1000);
    httpServer.closeAllConnections();
    await closed;
    return { unanswered: running + ws.unanswered };
  }

  return {
    url: `http://${authority}${path}`,
    wsUrl: `ws://${authority}${wsPath}`,
    host,
    port,
    httpServer,
    channels,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}
