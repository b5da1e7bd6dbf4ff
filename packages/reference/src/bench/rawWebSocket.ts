import { connect, type Socket } from "node:net";

/**
 * One read buffer for every raw socket of the process (`onread`): Node reads into it instead of
 * allocating (and zero-filling) 64 KiB per read, and each read is handled before the next.
 */
const READ_BUFFER = Buffer.allocUnsafe(1 << 16);

/** A WebSocket over a plain socket, read through {@link RawWebSocket.read} or {@link RawWebSocket.stream}. */
export interface RawWebSocket {
  readonly socket: Socket;
  /** Bytes that came after the upgrade answer. */
  readonly rest: Buffer;
  /** The next read, copied (for the first answers, before `stream`). */
  read(): Promise<Buffer>;
  /**
   * From now on every read goes to `reader` as a view of a buffer that the next read overwrites
   * (copy what must be kept). Reads queued since the last `read` go first.
   */
  stream(reader: (chunk: Buffer) => void): void;
}

/**
 * Opens a WebSocket to `wsUrl` over a plain socket (the upgrade written by hand), for bench
 * clients that must cost almost nothing: frames are built and read by the caller, and reads go
 * into one shared buffer (no allocation per read).
 */
export async function openRawWebSocket(wsUrl: string): Promise<RawWebSocket> {
  const url = new URL(wsUrl);
  let reader: ((chunk: Buffer) => void) | undefined;
  const queued: Buffer[] = [];
  let waiting: ((chunk: Buffer) => void) | undefined;
  const socket = connect({
    port: Number(url.port),
    host: url.hostname,
    onread: {
      buffer: READ_BUFFER,
      // Returns true: keep reading (false would pause the socket).
      callback: (size: number, buffer: Uint8Array): boolean => {
        const view = Buffer.from(buffer.buffer, buffer.byteOffset, size);
        if (reader !== undefined) reader(view);
        else if (waiting !== undefined) {
          const wake = waiting;
          waiting = undefined;
          wake(Buffer.from(view));
        } else queued.push(Buffer.from(view));
        return true;
      },
    },
  });
  socket.setNoDelay(true);
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const read = (): Promise<Buffer> => {
    const first = queued.shift();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise((resolve) => {
      waiting = resolve;
    });
  };
  socket.write(
    `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
  );
  let head = Buffer.alloc(0);
  let end = -1;
  while (end === -1) {
    head = Buffer.concat([head, await read()]);
    end = head.indexOf("\r\n\r\n");
  }
  const status = head.toString("latin1", 0, head.indexOf("\r\n"));
  if (!status.startsWith("HTTP/1.1 101")) throw new Error(`upgrade refused: ${status}`);
  return {
    socket,
    rest: head.subarray(end + 4),
    read,
    stream(fn) {
      for (const chunk of queued.splice(0)) fn(chunk);
      reader = fn;
    },
  };
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
