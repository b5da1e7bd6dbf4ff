import { FrameCounter } from "./FrameCounter.js";
import { maskedTextFrame, openRawWebSocket, type RawWebSocket } from "./rawWebSocket.js";

// A process of subscribed WebSocket connections for the bench, so that reading their
// notifications costs the process that drives the calls nothing. Arguments: the WebSocket URL,
// then `id:secret` per connection, comma-separated (each connection authenticates with its key
// and subscribes to every channel of BTC-PERPETUAL: the book and trades of everyone, its own
// account's user.* channels), then optionally the interval of the book and trades (`100ms`).
// Prints "ready" once all are subscribed, and on SIGTERM the notifications received and their
// bytes, then exits.
//
// A fair reader that costs little (it shares the machine's cores with the server): raw sockets
// reading into one shared buffer, every byte read off each socket, frames counted from their
// headers (`FrameCounter`), payloads not decoded once the two answers (auth, subscribe) were
// checked.

const [wsUrl, list, interval = "raw"] = process.argv.slice(2);
const keys = list!.split(",").map((k) => k.split(":") as [string, string]);
const instrument = "BTC-PERPETUAL";
const channels = ["orders", "trades", "changes"]
  .map((c) => `user.${c}.${instrument}.raw`)
  .concat(`book.${instrument}.${interval}`, `trades.${instrument}.${interval}`);

/** Reads whole frames (decoded) until the answers to ids 1 and 2 came; the bytes after them are left. */
async function answers(ws: RawWebSocket, first: Buffer) {
  let buf = first;
  const got = new Map<number, { result?: unknown; error?: unknown }>();
  let notifications = 0;
  for (;;) {
    while (buf.length >= 2) {
      let length = buf[1]! & 0x7f;
      let header = 2;
      if (length === 126) {
        if (buf.length < 4) break;
        length = buf.readUInt16BE(2);
        header = 4;
      } else if (length === 127) {
        if (buf.length < 10) break;
        length = Number(buf.readBigUInt64BE(2));
        header = 10;
      }
      if (buf.length < header + length) break;
      const message = JSON.parse(buf.toString("utf8", header, header + length));
      buf = buf.subarray(header + length);
      if (message.id === undefined) notifications++;
      else got.set(message.id, message);
      if (got.size === 2) return { got, rest: buf, notifications };
    }
    buf = Buffer.concat([buf, await ws.read()]);
  }
}

const counters: FrameCounter[] = [];
const sockets = await Promise.all(
  keys.map(async ([clientId, clientSecret]) => {
    const ws = await openRawWebSocket(wsUrl!);
    const { socket, rest } = ws;
    const auth = {
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    };
    socket.write(
      Buffer.concat([
        maskedTextFrame(
          JSON.stringify({ jsonrpc: "2.0", id: 1, method: "public/auth", params: auth }),
        ),
        maskedTextFrame(
          JSON.stringify({
            jsonrpc: "2.0",
            id: 2,
            method: "private/subscribe",
            params: { channels },
          }),
        ),
      ]),
    );
    const { got, rest: after, notifications } = await answers(ws, rest);
    const sub = got.get(2)!;
    if (got.get(1)!.error !== undefined || sub.error !== undefined)
      throw new Error(`auth or subscribe failed: ${JSON.stringify([...got.values()])}`);
    const counter = new FrameCounter();
    counter.frames = notifications;
    counters.push(counter);
    if (after.length > 0) counter.push(after);
    ws.stream((chunk) => counter.push(chunk));
    return socket;
  }),
);
process.stdout.write("ready\n");
process.once("SIGTERM", () => {
  let received = 0;
  let bytes = 0;
  for (const c of counters) {
    received += c.frames;
    bytes += c.bytes;
  }
  process.stdout.write(`received ${received} ${bytes}\n`);
  for (const s of sockets) s.destroy();
  process.exit(0);
});
