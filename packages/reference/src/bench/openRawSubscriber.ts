import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";
import { FrameCounter } from "./FrameCounter.js";

/** A subscribed connection that counts the frames it reads. */
export interface RawSubscriber {
  /** Frames read since the subscribe answer (notifications). */
  readonly received: () => number;
  /** Bytes read since the subscribe answer. */
  readonly bytes: () => number;
  readonly socket: Socket;
}

/** A masked client text frame (RFC 6455 5.3). */
function clientFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.alloc(header + 4 + length);
  frame[0] = 0x81;
  if (header === 2) frame[1] = 0x80 | length;
  else if (header === 4) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = randomBytes(4);
  mask.copy(frame, header);
  for (let i = 0; i < length; i++) frame[header + 4 + i] = payload[i]! ^ mask[i & 3]!;
  return frame;
}

/** The first complete unmasked frame of `data`: its text and the bytes after it, or undefined. */
function firstFrame(data: Buffer): { text: string; rest: Buffer } | undefined {
  if (data.length < 2) return undefined;
  const short = data[1]! & 0x7f;
  const header = short < 126 ? 2 : short === 126 ? 4 : 10;
  if (data.length < header) return undefined;
  const length =
    short < 126 ? short : short === 126 ? data.readUInt16BE(2) : Number(data.readBigUInt64BE(2));
  if (data.length < header + length) return undefined;
  return {
    text: data.toString("utf8", header, header + length),
    rest: data.subarray(header + length),
  };
}

/**
 * Opens a WebSocket with a plain TCP socket, sends `requests` (JSON-RPC calls with ids 1..n),
 * checks their answers (in order, no error), then only counts the frames that follow: what a
 * subscriber that reads every byte and decodes nothing costs. Rejects with the first error answer.
 */
export function openRawSubscriber(
  wsUrl: string,
  requests: readonly object[],
): Promise<RawSubscriber> {
  const url = new URL(wsUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.setNoDelay(true);
    const counter = new FrameCounter();
    let phase: "handshake" | "answers" | "counting" = "handshake";
    let buffered: Buffer = Buffer.alloc(0);
    let answered = 0;
    socket.once("error", reject);
    socket.once("connect", () => {
      socket.write(
        `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\n` +
          "Sec-WebSocket-Version: 13\r\n\r\n",
      );
    });
    socket.on("data", (chunk: Buffer) => {
      if (phase === "counting") {
        counter.push(chunk);
        return;
      }
      buffered = Buffer.concat([buffered, chunk]);
      if (phase === "handshake") {
        const end = buffered.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = buffered.toString("latin1", 0, end);
        if (!head.startsWith("HTTP/1.1 101")) {
          reject(new Error(`WebSocket upgrade refused: ${head.split("\r\n")[0]}`));
          socket.destroy();
          return;
        }
        buffered = buffered.subarray(end + 4);
        phase = "answers";
        for (const [i, request] of requests.entries())
          socket.write(clientFrame(JSON.stringify({ jsonrpc: "2.0", id: i + 1, ...request })));
      }
      for (let frame = firstFrame(buffered); frame !== undefined; frame = firstFrame(buffered)) {
        buffered = frame.rest;
        const answer = JSON.parse(frame.text) as { id?: number; error?: unknown };
        if (answer.error !== undefined) {
          reject(new Error(`call ${answer.id} failed: ${JSON.stringify(answer.error)}`));
          socket.destroy();
          return;
        }
        if (++answered === requests.length) {
          phase = "counting";
          counter.push(buffered);
          resolve({ received: () => counter.frames, bytes: () => counter.bytes, socket });
          return;
        }
      }
    });
  });
}
