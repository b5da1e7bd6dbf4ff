import { connect, type Socket } from "node:net";

/** Keep-alive connections for pipelined HTTP/1.1 requests, written and parsed by hand. */
export async function openRawHttp(port: number): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  socket.setNoDelay(true);
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  return socket;
}

/** One `POST` with a JSON body, as bytes. */
export function postRequest(path: string, body: string): Buffer {
  return Buffer.from(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Counts complete responses (`content-length` bodies) across chunks; keeps the first body. */
export class ResponseCounter {
  first: string | undefined;
  #rest = "";

  push(chunk: Buffer): number {
    const text = this.#rest + chunk.toString("latin1");
    let offset = 0;
    let count = 0;
    for (;;) {
      const end = text.indexOf("\r\n\r\n", offset);
      if (end < 0) break;
      const head = text.slice(offset, end).toLowerCase();
      const at = head.indexOf("content-length:");
      const length = at < 0 ? 0 : Number.parseInt(head.slice(at + 15), 10);
      if (text.length < end + 4 + length) break;
      this.first ??= text.slice(end + 4, end + 4 + length);
      offset = end + 4 + length;
      count++;
    }
    this.#rest = text.slice(offset);
    return count;
  }
}
