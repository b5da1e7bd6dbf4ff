import { connect, type Socket } from "node:net";

/**
 * A WebSocket client that costs almost nothing, so that the server is what a benchmark measures:
 * request frames are built once (mask key 0, which the protocol allows) and written in batches;
 * answers are counted from frame headers without being decoded.
 */
export async function openRawWebSocket(port: number, path: string): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  socket.setNoDelay(true);
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
  );
  let head = "";
  while (!head.includes("\r\n\r\n")) {
    const chunk: Buffer = await new Promise((resolve) => socket.once("data", resolve));
    head += chunk.toString("latin1");
  }
  if (!head.startsWith("HTTP/1.1 101"))
    throw new Error(`upgrade refused: ${head.split("\r\n")[0]}`);
  if (head.length > head.indexOf("\r\n\r\n") + 4) throw new Error("data before the first request");
  return socket;
}

/** A masked text frame with mask key 0 (the payload is sent as it is). */
export function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x81, 0x80 | length])
      : Buffer.from([0x81, 0x80 | 126, length >> 8, length & 0xff]);
  return Buffer.concat([header, Buffer.alloc(4), payload]);
}

/** Counts complete server frames across chunks; keeps the first payload to check the answers. */
export class FrameCounter {
  first: string | undefined;
  #rest: Buffer | undefined;

  push(chunk: Buffer): number {
    const buf = this.#rest === undefined ? chunk : Buffer.concat([this.#rest, chunk]);
    let offset = 0;
    let count = 0;
    for (;;) {
      if (buf.length - offset < 2) break;
      let length = buf[offset + 1]! & 0x7f;
      let header = 2;
      if (length === 126) {
        if (buf.length - offset < 4) break;
        length = buf.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (buf.length - offset < 10) break;
        length = Number(buf.readBigUInt64BE(offset + 2));
        header = 10;
      }
      if (buf.length - offset < header + length) break;
      this.first ??= buf.toString("utf8", offset + header, offset + header + length);
      offset += header + length;
      count++;
    }
    this.#rest = offset < buf.length ? buf.subarray(offset) : undefined;
    return count;
  }
}
