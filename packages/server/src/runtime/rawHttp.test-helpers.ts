import { connect, type Socket } from "node:net";

/** What a raw-socket HTTP client read before the connection ended. */
export interface RawExchange {
  /** Every byte the server sent, as text. */
  readonly text: string;
  /** The socket error, e.g. `ECONNRESET`, or undefined when the server closed cleanly. */
  readonly error: string | undefined;
  /** The final response's status, headers and body, when one was read completely. */
  readonly response: { status: number; headers: Record<string, string>; body: string } | undefined;
}

/** The last complete response in `text` (after any `100 Continue`), by its content-length. */
function lastResponse(text: string): RawExchange["response"] {
  let rest = text;
  let found: RawExchange["response"];
  while (rest.startsWith("HTTP/1.1 ")) {
    const end = rest.indexOf("\r\n\r\n");
    if (end < 0) break;
    const [statusLine, ...lines] = rest.slice(0, end).split("\r\n");
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers["content-length"] ?? 0);
    const body = rest.slice(end + 4, end + 4 + length);
    if (Buffer.byteLength(body) < length) break;
    found = { status: Number(statusLine!.split(" ")[1]), headers, body };
    rest = rest.slice(end + 4 + length);
  }
  return found;
}

/**
 * Sends `head` (request line and headers, CRLF-terminated) on a raw socket, then lets `feed` write
 * more while the connection is open; resolves with everything read once the connection ends.
 */
export function rawHttp(
  port: number,
  head: string,
  feed?: (socket: Socket, received: () => string) => void,
  host = "127.0.0.1",
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const chunks: Buffer[] = [];
    let error: string | undefined;
    const received = () => Buffer.concat(chunks).toString("latin1");
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on("close", () => {
      const text = received();
      resolve({ text, error, response: lastResponse(text) });
    });
    socket.on("connect", () => {
      socket.write(head);
      feed?.(socket, received);
    });
  });
}
