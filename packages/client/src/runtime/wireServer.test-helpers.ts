import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/** What a test handler gets: the params and the request as it came. */
export interface WireRequest {
  transport: "http" | "ws";
  method: string;
  params: Record<string, unknown>;
  id: unknown;
  httpMethod?: string;
  /** Path and query as received. */
  target?: string;
  body?: string;
  headers?: IncomingHttpHeaders;
  socket?: WebSocket;
}

/** Thrown by a handler to answer a JSON-RPC error. */
export class WireError {
  constructor(
    readonly code: number,
    readonly message: string,
    readonly data?: unknown,
  ) {}
}

export type WireHandler = (request: WireRequest) => unknown;

export interface WireServer {
  url: string;
  wsUrl: string;
  origin: string;
  requests: WireRequest[];
  sockets: Set<WebSocket>;
  handlers: Record<string, WireHandler>;
  /** Raw HTTP override: return true when it answered. */
  http?: (
    req: import("node:http").IncomingMessage,
    res: import("node:http").ServerResponse,
    body: string,
  ) => boolean;
  /** Resolves once `check` holds for the requests received so far (checked as each one arrives). */
  received(check: (requests: WireRequest[]) => boolean): Promise<void>;
  dropSockets(): void;
  close(): Promise<void>;
}

const micros = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

/**
 * A small server that speaks the wire format over real sockets (HTTP POST /api/v2, GET
 * /api/v2/{method}, WebSocket /ws/api/v2), for transport tests that must not depend on the
 * server package.
 */
export async function startWireServer(
  handlers: Record<string, WireHandler> = {},
): Promise<WireServer> {
  const requests: WireRequest[] = [];
  const sockets = new Set<WebSocket>();
  const watchers = new Set<() => void>();
  const answer = async (request: WireRequest) => {
    const usIn = micros();
    requests.push(request);
    for (const watch of watchers) watch();
    const envelope = (body: object) => {
      const usOut = micros();
      return JSON.stringify({
        jsonrpc: "2.0",
        id: request.id,
        ...body,
        usIn,
        usOut,
        usDiff: usOut - usIn,
        testnet: true,
      });
    };
    const handler = state.handlers[request.method.replace(/^\//, "")];
    if (!handler) return envelope({ error: { code: -32601, message: "Method not found" } });
    try {
      return envelope({ result: await handler(request) });
    } catch (error) {
      if (error instanceof WireError) {
        return envelope({
          error:
            error.data === undefined ? { code: error.code, message: error.message } : { ...error },
        });
      }
      return envelope({ error: { code: -32603, message: "Internal error" } });
    }
  };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", async () => {
      if (state.http?.(req, res, body)) return;
      const url = new URL(req.url ?? "/", "http://x");
      const base = {
        transport: "http" as const,
        httpMethod: req.method,
        target: req.url,
        body,
        headers: req.headers,
      };
      let request: WireRequest;
      if (req.method === "POST" && url.pathname === "/api/v2") {
        const message = JSON.parse(body);
        request = { ...base, method: message.method, params: message.params, id: message.id };
      } else if (url.pathname.startsWith("/api/v2/")) {
        request = {
          ...base,
          method: url.pathname.slice("/api/v2/".length),
          params: Object.fromEntries(url.searchParams),
          id: null,
        };
      } else {
        res.writeHead(404).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(await answer(request));
    });
  });
  const wss = new WebSocketServer({ server, path: "/ws/api/v2" });
  wss.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("message", async (data) => {
      const message = JSON.parse(String(data));
      const text = await answer({
        transport: "ws",
        method: message.method,
        params: message.params,
        id: message.id,
        socket,
      });
      if (message.id !== undefined && socket.readyState === 1) socket.send(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const state: WireServer = {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/api/v2`,
    wsUrl: `ws://127.0.0.1:${port}/ws/api/v2`,
    requests,
    sockets,
    handlers,
    received(check) {
      return new Promise((resolve) => {
        const watch = () => {
          if (!check(requests)) return;
          watchers.delete(watch);
          resolve();
        };
        watchers.add(watch);
        watch();
      });
    },
    dropSockets() {
      for (const socket of sockets) socket.terminate();
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

/** The rejection reason of `promise`; fails the test when it resolves instead. */
export function rejection(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, but it resolved with ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}
