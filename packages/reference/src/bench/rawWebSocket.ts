import { connect, type Socket } from "node:net";

/**
 * Opens a WebSocket to `wsUrl` over a plain socket (the upgrade written by hand), for bench
 * clients that must cost almost nothing: frames are built and read by the caller. Resolves with
 * the socket and any bytes that came after the upgrade answer.
 */
export async function openRawWebSocket(wsUrl: string): Promise<{ socket: Socket; rest: Buffer }> {
  const url = new URL(wsUrl);
  const socket = connect(Number(url.port), url.hostname);
  socket.setNoDelay(true);
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  socket.write(
    `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
  );
  let head = Buffer.alloc(0);
  let end = -1;
  while (end === -1) {
    const chunk: Buffer = await new Promise((resolve) => socket.once("data", resolve));
    head = Buffer.concat([head, chunk]);
    end = head.indexOf("\r\n\r\n");
  }
  const status = head.toString("latin1", 0, head.indexOf("\r\n"));
  if (!status.startsWith("HTTP/1.1 101")) throw new Error(`upgrade refused: ${status}`);
  return { socket, rest: head.subarray(end + 4) };
}

/** A masked client text frame with mask key 0 (the protocol allows it: the payload goes as it is). */
export function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x81, 0x80 | length])
      : Buffer.from([0x81, 0x80 | 126, length >> 8, length & 0xff]);
  return Buffer.concat([header, Buffer.alloc(4), payload]);
}
