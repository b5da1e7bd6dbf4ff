// Abuse tests: cancel on disconnect enabled on two connections of one account, with scope
// `connection` vs `account`, closed (gracefully or abruptly) in various orders; the open orders
// are checked over HTTP (which is no WebSocket connection of the account).
import type { Socket } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "../startReferenceServer.js";
import { ALICE, BOB, basic, post, WsClient } from "../testing/rpc.test-helpers.js";

const BTC = "BTC-PERPETUAL";
let server: ReferenceServer;
const clients: WsClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.terminate();
  await server?.close();
});

async function connect(key: { id: string; secret: string }): Promise<WsClient> {
  const client = await WsClient.openAs(server.wsUrl, key);
  clients.push(client);
  return client;
}

/** Closes gracefully or abruptly, and waits until the server has had time to act on it. */
async function drop(client: WsClient, how: "close" | "destroy") {
  clients.splice(clients.indexOf(client), 1);
  if (how === "close") await client.close();
  else {
    (client.socket as unknown as { _socket: Socket })._socket.destroy();
  }
  await new Promise((r) => setTimeout(r, 150));
}

/** The account's open order ids, over HTTP. */
async function openOrders(key: { id: string; secret: string }): Promise<string[]> {
  const a = await post(
    server.url,
    "private/get_open_orders_by_instrument",
    { instrument_name: BTC },
    basic(key),
  );
  expect(a.error).toBeUndefined();
  return (a.result as { order_id: string }[]).map((o) => o.order_id).sort();
}

async function place(client: WsClient, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = await client.call("private/buy", {
      instrument_name: BTC,
      price: String(40000 + i),
      amount: "10",
    });
    expect(a.error).toBeUndefined();
    ids.push(a.result.order.order_id);
  }
  return ids.sort();
}

describe.each(["close", "destroy"] as const)("cancel on disconnect (%s)", (how) => {
  test("A1 scope connection, A2 scope account; A2 closes first: nothing; A1 closes: cancelled", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const a1 = await connect(ALICE);
    const a2 = await connect(ALICE);
    expect(
      (await a1.call("private/enable_cancel_on_disconnect", { scope: "connection" })).result,
    ).toBe("ok");
    expect(
      (await a2.call("private/enable_cancel_on_disconnect", { scope: "account" })).result,
    ).toBe("ok");
    const ids = await place(a1, 3);
    await drop(a2, how);
    expect(await openOrders(ALICE)).toEqual(ids);
    await drop(a1, how);
    expect(await openOrders(ALICE)).toEqual([]);
  });

  test("A1 scope connection, A2 scope account; A1 closes first: cancelled at once (A2 still open)", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const a1 = await connect(ALICE);
    const a2 = await connect(ALICE);
    await a1.call("private/enable_cancel_on_disconnect", { scope: "connection" });
    await a2.call("private/enable_cancel_on_disconnect", { scope: "account" });
    await place(a2, 3);
    await drop(a1, how);
    expect(await openOrders(ALICE)).toEqual([]);
    // New orders on A2, then A2 (now the last connection, account flag on) closes: cancelled.
    const more = await place(a2, 2);
    expect(await openOrders(ALICE)).toEqual(more);
    await drop(a2, how);
    expect(await openOrders(ALICE)).toEqual([]);
  });

  test("scope account only: the last connection to close cancels, whichever enabled it", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const a1 = await connect(ALICE);
    const a2 = await connect(ALICE);
    await a1.call("private/enable_cancel_on_disconnect", { scope: "account" });
    const ids = await place(a2, 2);
    await drop(a1, how);
    expect(await openOrders(ALICE)).toEqual(ids);
    // A get on A2 sees the account flag, not a connection flag.
    expect(
      (await a2.call("private/get_cancel_on_disconnect", { scope: "account" })).result,
    ).toEqual({
      scope: "account",
      enabled: true,
    });
    expect((await a2.call("private/get_cancel_on_disconnect", {})).result).toEqual({
      scope: "connection",
      enabled: false,
    });
    await drop(a2, how);
    expect(await openOrders(ALICE)).toEqual([]);
  });

  test("enabled then disabled (each scope): closing everything cancels nothing", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const a1 = await connect(ALICE);
    const a2 = await connect(ALICE);
    await a1.call("private/enable_cancel_on_disconnect", { scope: "connection" });
    await a2.call("private/enable_cancel_on_disconnect", { scope: "account" });
    await a1.call("private/disable_cancel_on_disconnect", { scope: "connection" });
    // The account flag is disabled from the other connection.
    await a1.call("private/disable_cancel_on_disconnect", { scope: "account" });
    const ids = await place(a1, 2);
    await drop(a2, how);
    await drop(a1, how);
    expect(await openOrders(ALICE)).toEqual(ids);
  });

  test("another account's connections closing never cancel Alice's orders", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const a1 = await connect(ALICE);
    const b1 = await connect(BOB);
    await b1.call("private/enable_cancel_on_disconnect", { scope: "connection" });
    await b1.call("private/enable_cancel_on_disconnect", { scope: "account" });
    const ids = await place(a1, 2);
    await drop(b1, how);
    expect(await openOrders(ALICE)).toEqual(ids);
  });

  test("a third connection of the account (a watcher) keeps account scope from firing until it closes too", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const a1 = await connect(ALICE);
    const a2 = await connect(ALICE);
    const watcher = await connect(ALICE);
    await watcher.call("private/subscribe", { channels: [`user.orders.${BTC}.raw`] });
    await a1.call("private/enable_cancel_on_disconnect", { scope: "account" });
    const ids = await place(a1, 2);
    await drop(a1, how);
    await drop(a2, how);
    expect(await openOrders(ALICE)).toEqual(ids);
    await drop(watcher, how);
    expect(await openOrders(ALICE)).toEqual([]);
  });
});

describe("cancel on disconnect: bad input and odd sequences", () => {
  test("a bad scope is -32602 on scope; unauthenticated is 10000; over HTTP 10030", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const a1 = await connect(ALICE);
    for (const scope of ["Connection", "", "all", 1, null, ["account"]]) {
      for (const m of [
        "private/enable_cancel_on_disconnect",
        "private/disable_cancel_on_disconnect",
        "private/get_cancel_on_disconnect",
      ]) {
        const a = await a1.call(m, { scope });
        expect(a.error, `${m} ${JSON.stringify(scope)}`).toMatchObject({
          code: -32602,
          data: { param: "scope" },
        });
      }
    }
    // Nothing got enabled by the refused calls.
    for (const scope of ["connection", "account"])
      expect((await a1.call("private/get_cancel_on_disconnect", { scope })).result.enabled).toBe(
        false,
      );
    const anon = await WsClient.open(server.wsUrl);
    clients.push(anon);
    expect((await anon.call("private/enable_cancel_on_disconnect", {})).error?.code).toBe(10000);
    const http = await post(server.url, "private/enable_cancel_on_disconnect", {}, basic(ALICE));
    expect(http.error).toMatchObject({ code: 10030, data: { reason: expect.any(String) } });
  });

  test("enable (connection) as Alice, then re-authenticate the connection as Bob, then close: Alice's orders are cancelled, not Bob's", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const bob = await connect(BOB);
    const bobIds = await place(bob, 2);
    const c = await connect(ALICE);
    const aliceIds = await place(c, 2);
    expect(
      (await c.call("private/enable_cancel_on_disconnect", { scope: "connection" })).result,
    ).toBe("ok");
    const reauth = await c.call("public/auth", {
      grant_type: "client_credentials",
      client_id: BOB.id,
      client_secret: BOB.secret,
    });
    expect(reauth.error).toBeUndefined();
    await drop(c, "close");
    const alice = await openOrders(ALICE);
    const bobNow = await openOrders(BOB);
    // The flag is Alice's: her orders go, whoever the connection was at the end.
    expect(alice).toEqual([]);
    expect(aliceIds).toHaveLength(2);
    // Bob never enabled cancel on disconnect.
    expect(bobNow).toEqual(bobIds);
  });

  test("100 connections of one account enable and close at once: one cancel, orders placed after survive only while a connection lives", async () => {
    server = await startReferenceServer({ port: 0, log: () => {}, maxTokensPerKey: 200 });
    const keep = await connect(ALICE);
    const many = await Promise.all(Array.from({ length: 100 }, () => connect(ALICE)));
    await Promise.all(
      many.map((c, i) =>
        c.call("private/enable_cancel_on_disconnect", { scope: i % 2 ? "connection" : "account" }),
      ),
    );
    await place(keep, 3);
    for (const c of many) (c.socket as unknown as { _socket: Socket })._socket.destroy();
    clients.splice(0, clients.length, keep);
    await new Promise((r) => setTimeout(r, 300));
    // The connection-scoped ones cancelled; the account flag stays for `keep`.
    expect(await openOrders(ALICE)).toEqual([]);
    const after = await place(keep, 2);
    expect(await openOrders(ALICE)).toEqual(after);
    expect(
      (await keep.call("private/get_cancel_on_disconnect", { scope: "account" })).result.enabled,
    ).toBe(true);
    await drop(keep, "close");
    expect(await openOrders(ALICE)).toEqual([]);
  });
});
