import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import { deflateSync } from "node:zlib";
import type { Framing } from "./Framing.js";
import { contentEncoding, faithful, jsonContentType } from "./framings.js";

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

/** Transport faults (4xx) answered with a web server's HTML page, as a front such as nginx does. */
export const htmlFaults: Framing = {
  ...faithful,
  writeHttp: ({ status, headers, body }, res) => {
    if (status < 400) {
      res.writeHead(status, headers).end(body);
      return;
    }
    const page = `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>edge-7</center>\r\n</body>\r\n</html>\r\n`;
    res.writeHead(status, { "content-type": "text/html" }).end(page);
  },
};

/** `Content-Type` in other letter cases (media types are case-insensitive). */
export const contentTypeCase = jsonContentType("Application/JSON; Charset=UTF-8");

/** Chunked HTTP answers that end with a trailer field (`Server-Timing`). */
export const trailers: Framing = {
  ...faithful,
  writeHttp: ({ status, headers, body }, res) => {
    res.writeHead(status, { ...headers, trailer: "server-timing" });
    res.write(body);
    res.addTrailers({ "server-timing": "app;dur=0.4" });
    res.end();
  },
};

/** An HTTP status line with a reason phrase of the server's own (`200 Success`). */
export const reasonPhrase: Framing = {
  ...faithful,
  writeHttp: ({ status, headers, body }, res) => {
    res.writeHead(status, status === 200 ? "Success" : "Refused", headers).end(body);
  },
};

/** permessage-deflate with no context takeover on either side and a 1 KiB window. */
export const deflateNoContext: Framing = {
  ...faithful,
  wsServer: {
    perMessageDeflate: {
      threshold: 0,
      serverNoContextTakeover: true,
      clientNoContextTakeover: true,
      serverMaxWindowBits: 10,
    },
  },
};

/** Every `/` in answers written `\/`, as PHP's `json_encode` does (the same JSON strings). */
export const escapedSlashes: Framing = {
  serialize: (answer, request) => faithful.serialize!(answer, request).replaceAll("/", "\\/"),
};

/** `usIn`, `usOut` and `usDiff` written with an exponent (`1.7e+15`), as a double-based writer does. */
export const exponentTimes: Framing = {
  serialize: (answer, request) =>
    faithful.serialize!(answer, request).replace(
      /"(usIn|usOut|usDiff)":(\d+)/g,
      (_, k: string, v: string) =>
        Number(v) === 0 ? `"${k}":0.0e0` : `"${k}":${Number(v).toExponential()}`,
    ),
};

/** Whitespace before every answer (a space, a tab, CR LF): still one JSON text. */
export const leadingWhitespace: Framing = {
  serialize: (answer, request) => ` \t\r\n${faithful.serialize!(answer, request)}`,
};

/** Each WebSocket answer in two fragments with a ping between them (RFC 6455 allows it). */
export const interleavedPings: Framing = {
  ...faithful,
  sendWs: (client, text) => {
    const bytes = Buffer.from(text);
    const half = Math.max(1, Math.floor(bytes.length / 2));
    client.send(bytes.subarray(0, half), { binary: false, fin: false });
    client.ping();
    client.send(bytes.subarray(half), { binary: false, fin: true });
  },
};

/** Answers per kept-alive connection before the server closes it (saying `Connection: close`). */
const MAX_PER_CONNECTION = 3;
const answeredOn = new WeakMap<Socket, number>();

/** A kept-alive HTTP connection serves 3 requests; the third answer says `Connection: close`. */
export const fewPerConnection: Framing = {
  ...faithful,
  writeHttp: ({ status, headers, body }, res, req) => {
    const n = (answeredOn.get(req.socket) ?? 0) + 1;
    answeredOn.set(req.socket, n);
    if (n >= MAX_PER_CONNECTION) {
      res.shouldKeepAlive = false;
      res.writeHead(status, { ...headers, connection: "close" }).end(body);
    } else {
      res
        .writeHead(status, { ...headers, "keep-alive": `timeout=5, max=${MAX_PER_CONNECTION - n}` })
        .end(body);
    }
  },
};

/** `Content-Encoding: deflate` (zlib) whenever the request accepts it, in preference to gzip. */
export const deflateEncoding = contentEncoding("deflate", deflateSync);
