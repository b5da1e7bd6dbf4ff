import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServerOptions, WebSocket } from "ws";

/** An HTTP answer the proxy is about to write. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * How the wire proxy writes answers, for servers that differ from the reference in framing
 * only: each hook left out keeps the proxy's default (`JSON.stringify`, one `end()`, one text
 * frame, the `ws` server's own options).
 */
export interface Framing {
  /** The answer object as text; `request` is the request text it answers. */
  serialize?: (answer: unknown, request: string) => string;
  /** Writes an HTTP answer (headers, body, the connection's fate). */
  writeHttp?: (answer: HttpAnswer, res: ServerResponse, req: IncomingMessage) => void;
  /** Options of the proxy's WebSocket server (e.g. `perMessageDeflate`). */
  wsServer?: Omit<ServerOptions, "noServer" | "server" | "port">;
  /** Sends one answer text on a WebSocket; sends on one socket must keep their order. */
  sendWs?: (client: WebSocket, text: string) => void;
}
