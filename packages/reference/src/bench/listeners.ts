import { WsClient } from "../testing/rpc.test-helpers.js";

// A process of subscribed WebSocket connections for the bench, so that reading their
// notifications costs the process that drives the calls nothing. Arguments: the WebSocket URL,
// then `id:secret` per connection, comma-separated (each connection authenticates with its key
// and subscribes to every channel of BTC-PERPETUAL: the book and trades of everyone, its own
// account's user.* channels). Prints "ready" once all are subscribed, and on
// SIGTERM the notifications received, then exits.

const [wsUrl, list] = process.argv.slice(2);
const keys = list!.split(",").map((k) => k.split(":") as [string, string]);
const instrument = "BTC-PERPETUAL";
const channels = ["orders", "trades", "changes"]
  .map((c) => `user.${c}.${instrument}.raw`)
  .concat(`book.${instrument}.raw`, `trades.${instrument}.raw`);
let received = 0;
const clients = await Promise.all(
  keys.map(async ([clientId, clientSecret]) => {
    const client = await WsClient.open(wsUrl!);
    await client.call("public/auth", {
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
    });
    const sub = await client.call("private/subscribe", { channels });
    if (sub.error !== undefined) throw new Error(`subscribe failed: ${JSON.stringify(sub.error)}`);
    // Counted, not parsed: a subscriber that reads everything and does nothing else.
    client.socket.on("message", () => received++);
    return client;
  }),
);
process.stdout.write("ready\n");
process.once("SIGTERM", () => {
  process.stdout.write(`received ${received}\n`);
  for (const c of clients) c.socket.terminate();
  process.exit(0);
});
