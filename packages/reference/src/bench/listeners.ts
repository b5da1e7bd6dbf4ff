import { openRawSubscriber } from "./openRawSubscriber.js";

// A process of subscribed WebSocket connections for the bench, so that reading their
// notifications costs the process that drives the calls nothing. Arguments: the WebSocket URL,
// then `id:secret` per connection, comma-separated (each connection authenticates with its key
// and subscribes to every channel of BTC-PERPETUAL: the book and trades of everyone, its own
// account's user.* channels). Each connection reads every byte and counts the frames by their
// headers (FrameCounter): the subscribers are not under test, the server is, and on a 2-core
// machine a JSON-decoding reader of 100 connections took a core of its own. Prints "ready" once
// all are subscribed, and on SIGTERM the notifications received, then exits.

const [wsUrl, list] = process.argv.slice(2);
const keys = list!.split(",").map((k) => k.split(":") as [string, string]);
const instrument = "BTC-PERPETUAL";
const channels = ["orders", "trades", "changes"]
  .map((c) => `user.${c}.${instrument}.raw`)
  .concat(`book.${instrument}.raw`, `trades.${instrument}.raw`);
const subscribers = await Promise.all(
  keys.map(([clientId, clientSecret]) =>
    openRawSubscriber(wsUrl!, [
      {
        method: "public/auth",
        params: {
          grant_type: "client_credentials",
          client_id: clientId,
          client_secret: clientSecret,
        },
      },
      { method: "private/subscribe", params: { channels } },
    ]),
  ),
);
process.stdout.write("ready\n");
process.once("SIGTERM", () => {
  const received = subscribers.reduce((sum, s) => sum + s.received(), 0);
  const bytes = subscribers.reduce((sum, s) => sum + s.bytes(), 0);
  process.stdout.write(`received ${received} bytes ${bytes}\n`);
  for (const s of subscribers) s.socket.destroy();
  process.exit(0);
});
