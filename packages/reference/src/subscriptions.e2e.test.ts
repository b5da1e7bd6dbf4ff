import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import { ALICE, BOB, CAROL, WsClient } from "./testing/rpc.test-helpers.js";

const BTC = "BTC-PERPETUAL";
let server: ReferenceServer;
const clients: WsClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function connect(key?: { id: string; secret: string }): Promise<WsClient> {
  const client = await WsClient.openAs(server.wsUrl, key);
  clients.push(client);
  return client;
}

const order = (price: string, amount: string) => ({ instrument_name: BTC, price, amount });

describe("subscriptions over WebSocket", () => {
  test("close a position: user.changes reaches size 0, user.orders equals get_order_state, before the answer", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const alice = await connect(ALICE);
    const bob = await connect(BOB);
    const channels = [
      `user.orders.${BTC}.raw`,
      `user.trades.${BTC}.raw`,
      `user.changes.${BTC}.raw`,
    ];
    const sub = await alice.call("private/subscribe", { channels });
    expect(sub.result).toEqual(channels);
    await bob.call("private/sell", order("50000", "100"));
    await alice.call("private/buy", order("50000", "100"));
    await bob.call("private/buy", order("49000", "100"));
    const closed = await alice.call("private/close_position", {
      instrument_name: BTC,
      type: "limit",
    });
    const closeId = closed.result.order.order_id as string;
    // The close's notifications came before its answer.
    const answerAt = alice.log.lastIndexOf(`answer ${String(closed.id)}`);
    const orderNote = alice.notifications.findLast(
      (n) => n.channel === `user.orders.${BTC}.raw` && n.data.order_id === closeId,
    )!;
    expect(alice.log.slice(0, answerAt)).toContain(`user.changes.${BTC}.raw`);
    const state = await alice.call("private/get_order_state", { order_id: closeId });
    expect(orderNote.data).toEqual(state.result);
    expect(orderNote.data.order_state).toBe("filled");
    const changes = alice.on(`user.changes.${BTC}.raw`).at(-1)!.data;
    const position = await alice.call("private/get_position", { instrument_name: BTC });
    expect(changes.positions).toEqual([position.result]);
    expect(changes.positions[0].size).toBe("0");
    expect(alice.on(`user.trades.${BTC}.raw`).at(-1)!.data).toEqual(closed.result.trades);
    // Bob subscribed to nothing: he got no notification.
    expect(bob.notifications).toEqual([]);
  });

  test("another account sees nothing of yours; unsubscribe stops the notifications", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const alice = await connect(ALICE);
    const carol = await connect(CAROL);
    const ch = `user.orders.${BTC}.raw`;
    await alice.call("private/subscribe", { channels: [ch] });
    await carol.call("private/subscribe", { channels: [ch] });
    await alice.call("private/buy", order("40000", "10"));
    expect(alice.on(ch)).toHaveLength(1);
    expect(carol.notifications).toEqual([]);
    const un = await alice.call("private/unsubscribe", { channels: [ch] });
    expect(un.result).toEqual([ch]);
    await alice.call("private/buy", order("40000", "10"));
    expect(alice.on(ch)).toHaveLength(1);
  });

  test("book: a snapshot first, then changes chained by prev_change_id with no gap; trades for everyone", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const alice = await connect(ALICE);
    const bob = await connect(BOB);
    await bob.call("private/sell", order("50000", "100"));
    const watcher = await connect();
    const sub = await watcher.call("public/subscribe", {
      channels: [`book.${BTC}.raw`, `trades.${BTC}.raw`],
    });
    expect(sub.error).toBeUndefined();
    const snapshot = await watcher.waitFor((n) => n.channel === `book.${BTC}.raw`);
    expect(snapshot.data).toMatchObject({
      type: "snapshot",
      change_id: 1,
      asks: [["new", "50000", "100"]],
      bids: [],
    });
    await bob.call("private/sell", order("50500", "10"));
    await alice.call("private/buy", order("50000", "100"));
    await alice.call("private/buy", order("49000", "20"));
    const cancelled = await alice.call("private/buy", order("48000", "20"));
    await alice.call("private/cancel", { order_id: cancelled.result.order.order_id });
    // The watcher's next answer comes after every notification of those commands (the spec's
    // ordering rule); alice's answers do not wait for the watcher's notifications.
    const now = await watcher.call("public/get_order_book", { instrument_name: BTC });
    const book = watcher.on(`book.${BTC}.raw`).map((n) => n.data);
    expect(book.map((b) => b.type)).toEqual([
      "snapshot",
      "change",
      "change",
      "change",
      "change",
      "change",
    ]);
    for (let i = 1; i < book.length; i++)
      expect(book[i].prev_change_id).toBe(book[i - 1].change_id);
    expect(now.result.change_id).toBe(book.at(-1).change_id);
    expect(book[2].asks).toEqual([["delete", "50000", "0"]]);
    expect(watcher.on(`trades.${BTC}.raw`).map((n) => n.data)).toEqual([
      [
        expect.objectContaining({
          price: "50000",
          amount: "100",
          direction: "buy",
          instrument_name: BTC,
        }),
      ],
    ]);
  });

  test("book and trades at 100ms: a snapshot, then changes gathered per window that give get_order_book; every trade once", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const alice = await connect(ALICE);
    const bob = await connect(BOB);
    await bob.call("private/sell", order("50000", "100"));
    const watcher = await connect();
    const channels = [`book.${BTC}.100ms`, `trades.${BTC}.100ms`];
    expect((await watcher.call("public/subscribe", { channels })).result).toEqual(channels);
    const snapshot = await watcher.waitFor((n) => n.channel === `book.${BTC}.100ms`);
    expect(snapshot.data).toMatchObject({ type: "snapshot", asks: [["new", "50000", "100"]] });
    const commands = [
      bob.call("private/sell", order("50500", "10")),
      alice.call("private/buy", order("50000", "30")),
      alice.call("private/buy", order("50000", "20")),
      alice.call("private/buy", order("49000", "20")),
    ];
    const trades = (await Promise.all(commands)).flatMap((a) => a.result.trades);
    expect(trades).toHaveLength(2);
    const now = await watcher.call("public/get_order_book", { instrument_name: BTC });
    await watcher.waitFor(
      (n) => n.channel === `book.${BTC}.100ms` && n.data.change_id === now.result.change_id,
    );
    await watcher.waitFor(
      (n) =>
        n.channel === `trades.${BTC}.100ms` &&
        n.data.some((t: { trade_id: string }) => t.trade_id === trades.at(-1).trade_id),
    );
    const book = watcher.on(`book.${BTC}.100ms`).map((n) => n.data);
    // Four commands in a few ms: one window (two on a slow machine), not one change each.
    expect(book.length - 1).toBeLessThanOrEqual(2);
    const levels = { bids: new Map<string, string>(), asks: new Map<string, string>() };
    for (const [i, message] of book.entries()) {
      if (i > 0) expect(message.prev_change_id).toBe(book[i - 1].change_id);
      for (const side of ["bids", "asks"] as const)
        for (const [action, price, amount] of message[side] as string[][])
          if (action === "delete") levels[side].delete(price!);
          else levels[side].set(price!, amount!);
    }
    const told = (side: Map<string, string>) =>
      [...side].sort((a, b) => Number(b[0]) - Number(a[0]));
    expect(told(levels.bids)).toEqual(now.result.bids);
    expect(told(levels.asks).reverse()).toEqual(now.result.asks);
    const published = watcher.on(`trades.${BTC}.100ms`).flatMap((n) => n.data);
    expect(published.map((t: { trade_id: string }) => t.trade_id)).toEqual(
      trades.map((t: { trade_id: string }) => t.trade_id),
    );
  });

  test("an unknown instrument is refused on param channels", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const watcher = await connect();
    const sub = await watcher.call("public/subscribe", { channels: ["book.NOPE-PERPETUAL.raw"] });
    expect(sub.error).toMatchObject({
      code: -32602,
      data: { param: "channels", reason: "unknown instrument 'NOPE-PERPETUAL'" },
    });
  });

  test("cancel on disconnect cancels the account's open orders, journaled (survives a restart)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "unwind-cod-"));
    dirs.push(dir);
    server = await startReferenceServer({ port: 0, dataDir: dir, log: () => {} });
    const alice = await connect(ALICE);
    const watcher = await connect(ALICE);
    await watcher.call("private/subscribe", { channels: [`user.orders.${BTC}.raw`] });
    const enabled = await alice.call("private/enable_cancel_on_disconnect", {
      scope: "connection",
    });
    expect(enabled.result).toBe("ok");
    const placed = await alice.call("private/buy", order("40000", "10"));
    const id = placed.result.order.order_id as string;
    clients.splice(clients.indexOf(alice), 1);
    await alice.close();
    const note = await watcher.waitFor(
      (n) => n.data.order_id === id && n.data.order_state === "cancelled",
    );
    expect(note.data.cancel_reason).toBe("cancel_on_disconnect");
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
    server = await startReferenceServer({ port: 0, dataDir: dir, log: () => {} });
    const again = await connect(ALICE);
    const state = await again.call("private/get_order_state", { order_id: id });
    expect(state.result).toMatchObject({
      order_state: "cancelled",
      cancel_reason: "cancel_on_disconnect",
    });
  });
});
