import { createHmac } from "node:crypto";
import { clientSignatureStringToSign } from "@unwind/protocol";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import { ALICE, BOB, post, WsClient } from "./testing/rpc.test-helpers.js";

let server: ReferenceServer;
const clients: WsClient[] = [];
beforeEach(async () => {
  server = await startReferenceServer({ port: 0, log: () => {} });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server.close();
});

async function connect(): Promise<WsClient> {
  const client = await WsClient.open(server.wsUrl);
  clients.push(client);
  return client;
}

describe("over WebSocket", () => {
  test("public/auth authenticates the connection; trading and close_position follow", async () => {
    const alice = await connect();
    const bob = await connect();
    const auth = await alice.call("public/auth", {
      grant_type: "client_credentials",
      client_id: ALICE.id,
      client_secret: ALICE.secret,
      state: "s1",
    });
    expect(auth.result).toMatchObject({
      token_type: "bearer",
      expires_in: 900,
      scope: "trade:read_write",
      state: "s1",
    });
    expect(auth.id).toBe(1);
    expect(auth.usDiff).toBe(auth.usOut - auth.usIn);
    expect(String(auth.usIn)).toHaveLength(16);

    const ts = Date.now();
    const signature = createHmac("sha256", BOB.secret)
      .update(clientSignatureStringToSign(ts, "n-1", ""))
      .digest("hex");
    const bobAuth = await bob.call("public/auth", {
      grant_type: "client_signature",
      client_id: BOB.id,
      timestamp: ts,
      nonce: "n-1",
      data: "",
      signature,
    });
    expect(bobAuth.error).toBeUndefined();

    const bid = await alice.call("private/buy", {
      instrument_name: "BTC-PERPETUAL",
      amount: "30",
      price: "60000",
    });
    expect(bid.result.order.order_state).toBe("open");
    const sell = await bob.call("private/sell", {
      instrument_name: "BTC-PERPETUAL",
      amount: "30",
      type: "market",
    });
    expect(sell.result.order).toMatchObject({ order_state: "filled", average_price: "60000" });
    const short = await bob.call("private/get_position", { instrument_name: "BTC-PERPETUAL" });
    expect(short.result).toMatchObject({ size: "-30", direction: "sell" });

    // Closing a short with a price: the order rests (no asks), reduce-only, opposite side.
    const close = await bob.call("private/close_position", {
      instrument_name: "BTC-PERPETUAL",
      type: "limit",
      price: "59000",
    });
    expect(close.result.order).toMatchObject({
      direction: "buy",
      amount: "30",
      reduce_only: true,
      post_only: false,
      time_in_force: "good_til_cancelled",
      order_state: "open",
    });
    expect(close.result.trades).toEqual([]);
    const ask = await alice.call("private/sell", {
      instrument_name: "BTC-PERPETUAL",
      amount: "30",
      price: "59000",
    });
    expect(ask.result.order.order_state).toBe("filled");
    const flat = await bob.call("private/get_position", { instrument_name: "BTC-PERPETUAL" });
    expect(flat.result).toMatchObject({ size: "0", direction: "zero" });
    const summary = await bob.call("private/get_account_summary", { currency: "BTC" });
    expect(summary.result).toMatchObject({ session_rpl: "30000", id: 102 });
  });

  test("a connection without public/auth needs credentials; a bad token is 13009", async () => {
    const anon = await connect();
    const none = await anon.call("private/get_positions");
    expect(none.error).toEqual({ code: 10000, message: "authorization_required" });
    const bad = await anon.call("private/get_positions", { access_token: "1.abcdefgh.nope" });
    expect(bad.error).toMatchObject({ code: 13009, message: "unauthorized" });
    const book = await anon.call("public/get_order_book", { instrument_name: "BTC-PERPETUAL" });
    expect(book.result).toMatchObject({ instrument_name: "BTC-PERPETUAL", bids: [], asks: [] });
  });

  test("serves Deribit's heartbeat methods on a WebSocket, and refuses them over HTTP", async () => {
    const client = await connect();
    expect((await client.call("public/set_heartbeat", { interval: 10 })).result).toBe("ok");
    expect((await client.call("public/disable_heartbeat")).result).toBe("ok");
    expect((await post(server.url, "public/set_heartbeat", { interval: 10 })).error).toMatchObject({
      code: 10030,
      message: "must_be_websocket_request",
    });
  });

  test("the leading-slash method name and string ids are accepted", async () => {
    const client = await connect();
    client.socket.send(JSON.stringify({ jsonrpc: "2.0", id: "x", method: "/public/test" }));
    const reply = await new Promise<string>((resolve) =>
      client.socket.on("message", (d) => resolve(d.toString())),
    );
    expect(JSON.parse(reply)).toMatchObject({ id: "x", result: { version: "0.1.0" } });
  });
});
