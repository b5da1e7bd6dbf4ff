import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import type { Framing } from "./Framing.js";
import { faithful } from "./framings.js";

/** Every answer text followed by a newline (as servers that write JSON lines do). */
export const trailingNewline: Framing = {
  serialize: (answer, request) => `${faithful.serialize!(answer, request)}\n`,
};

/**
 * HTTP answers without `Content-Length` or chunking: the body ends when the server closes the
 * connection (`Connection: close`), as HTTP/1.1 allows.
 */
export const closeDelimited: Framing = {
  ...faithful,
  writeHttp: ({ status, headers, body }, res) => {
    res.shouldKeepAlive = false;
    res.useChunkedEncodingByDefault = false;
    res.writeHead(status, { ...headers, connection: "close" });
    res.end(body);
  },
};

/** How long an idle keep-alive connection stays open after an answer. */
const IDLE_MS = 25;

/** Requests seen per connection, counted by each proxy server (installed on its first answer). */
const requestsOn = new WeakMap<Socket, number>();
const counting = new WeakSet<Server>();

/**
 * Keep-alive connections closed after 25 ms without a request (a short idle timeout, announced by
 * no `Keep-Alive` header, as many servers and load balancers do).
 */
export const idleClose: Framing = {
  ...faithful,
  writeHttp: ({ status, headers, body }, res, req) => {
    const socket = req.socket;
    const server = (socket as Socket & { server?: Server }).server;
    if (server !== undefined && !counting.has(server)) {
      counting.add(server);
      server.on("request", (r: IncomingMessage) =>
        requestsOn.set(r.socket, (requestsOn.get(r.socket) ?? 0) + 1),
      );
    }
    res.writeHead(status, headers).end(body);
    res.once("finish", () => {
      const seen = requestsOn.get(socket);
      setTimeout(() => {
        // Closed for good: a request that comes as it closes is never read, as at a real server.
        if (requestsOn.get(socket) === seen) socket.destroy();
      }, IDLE_MS);
    });
  },
};

/** The headers a server behind a production web front adds to every HTTP answer. */
export const frontHeaders: Framing = {
  ...faithful,
  writeHttp: ({ status, headers, body }, res) => {
    res
      .writeHead(status, {
        ...headers,
        server: "edge-7",
        "cache-control": "no-store",
        "x-request-id": Math.random().toString(16).slice(2),
        "access-control-allow-origin": "*",
        "strict-transport-security": "max-age=31536000",
        "x-content-type-options": "nosniff",
      })
      .end(body);
  },
};
