import { gzipSync } from "node:zlib";
import type { WebSocket } from "ws";
import { exactJson } from "./exactJson.js";
import type { Framing, HttpAnswer } from "./Framing.js";

/** A pause between two writes of one answer. */
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `bytes` cut into `n` pieces (fewer when it is shorter). */
function pieces(bytes: Buffer, n: number): Buffer[] {
  const size = Math.max(1, Math.ceil(bytes.length / n));
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

/** Answers serialised as a correct server would: a numeric id echoed digit for digit. */
export const faithful: Framing = { serialize: (answer, request) => exactJson(answer, request) };

/** Every HTTP answer says `Connection: close` and the connection is closed after it. */
export const connectionClose: Framing = {
  ...faithful,
  writeHttp: ({ status, headers, body }, res) => {
    res.shouldKeepAlive = false;
    res.writeHead(status, { ...headers, connection: "close" }).end(body);
  },
};

/** JSON answers labelled `Content-Type: <value>`; other answers keep their type. */
export function jsonContentType(value: string): Framing {
  return {
    ...faithful,
    writeHttp: ({ status, headers, body }, res) => {
      const type = headers["content-type"] ?? "";
      res
        .writeHead(status, {
          ...headers,
          "content-type": type.startsWith("application/json") ? value : type,
        })
        .end(body);
    },
  };
}

/** `Content-Type: application/json; charset=utf-8`. */
export const charset = jsonContentType("application/json; charset=utf-8");

/** `Content-Encoding: <name>` (bodies packed by `pack`) whenever the request accepts `name`. */
export function contentEncoding(name: string, pack: (body: string) => Buffer): Framing {
  const accepted = new RegExp(`\\b${name}\\b`, "i");
  return {
    ...faithful,
    writeHttp: ({ status, headers, body }: HttpAnswer, res, req) => {
      if (!accepted.test(String(req.headers["accept-encoding"] ?? ""))) {
        res.writeHead(status, headers).end(body);
        return;
      }
      const packed = pack(body);
      res
        .writeHead(status, {
          ...headers,
          "content-encoding": name,
          vary: "accept-encoding",
          "content-length": String(packed.length),
        })
        .end(packed);
    },
  };
}

/** `Content-Encoding: gzip` whenever the request accepts it. */
export const gzip = contentEncoding("gzip", gzipSync);

const queues = new WeakMap<WebSocket, Promise<void>>();

/** Runs `send` after the earlier sends on the same socket, so that answers keep their order. */
function inOrder(client: WebSocket, send: () => Promise<void>): void {
  const next = (queues.get(client) ?? Promise.resolve()).then(send, send);
  queues.set(client, next);
}

/**
 * Each answer written in small pieces with pauses between them: HTTP chunked transfer encoding,
 * WebSocket fragmented messages (continuation frames).
 */
export const splitWrites: Framing = {
  ...faithful,
  writeHttp: ({ status, headers, body }, res) => {
    res.writeHead(status, headers);
    res.socket?.setNoDelay(true);
    void (async () => {
      for (const piece of pieces(Buffer.from(body), 4)) {
        res.write(piece);
        await pause(1);
      }
      res.end();
    })();
  },
  sendWs: (client, text) =>
    inOrder(client, async () => {
      const parts = pieces(Buffer.from(text), 4);
      for (const [i, part] of parts.entries()) {
        if (client.readyState !== client.OPEN) return;
        client.send(part, { binary: false, fin: i === parts.length - 1 });
        if (i < parts.length - 1) await pause(1);
      }
    }),
};

/** A WebSocket ping before every answer. */
export const pings: Framing = {
  ...faithful,
  sendWs: (client, text) => {
    client.ping();
    client.send(text);
  },
};

/** WebSocket permessage-deflate, every message compressed. */
export const permessageDeflate: Framing = {
  ...faithful,
  wsServer: { perMessageDeflate: { threshold: 0 } },
};

/** Answer layouts: pretty-printed over several lines, or every object's members in reverse order. */
export const layouts = {
  pretty: { serialize: (a, r) => exactJson(a, r, { space: 2 }) } satisfies Framing,
  reordered: { serialize: (a, r) => exactJson(a, r, { reverseKeys: true }) } satisfies Framing,
};
