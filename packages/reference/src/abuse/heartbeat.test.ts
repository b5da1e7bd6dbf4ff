// Abuse tests: public/set_heartbeat and public/disable_heartbeat with bad input, twice, without a
// heartbeat running, and over HTTP. Bad input: -32602 with {param, reason}; the connection stays.
import { afterEach, describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "../startReferenceServer.js";
import { post, WsClient } from "../testing/rpc.test-helpers.js";

let server: ReferenceServer;
const clients: WsClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close().catch(() => {})));
  await server?.close();
});

interface Heartbeats {
  client: WsClient;
  /** `heartbeat` notifications (type and arrival time, ms). */
  beats: { type: string; at: number }[];
}

async function connect(): Promise<Heartbeats> {
  const client = await WsClient.open(server.wsUrl);
  clients.push(client);
  const beats: { type: string; at: number }[] = [];
  (client.socket as any).on("message", (data: Buffer) => {
    const m = JSON.parse(data.toString());
    if (m.method === "heartbeat") beats.push({ type: m.params.type, at: Date.now() });
  });
  return { client, beats };
}

describe("heartbeat abuse", () => {
  test("intervals below 10, above 3600, fractional, negative, zero: -32602 on interval", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const { client } = await connect();
    for (const interval of [9, 1, 0, -1, -10, 3601, 1e9, 9.99, 10.5, 1e308, -0.0001]) {
      const a = await client.call("public/set_heartbeat", { interval });
      expect(a.result, `interval ${interval}`).toBeUndefined();
      expect(a.error).toMatchObject({ code: -32602, data: { param: "interval" } });
      expect(typeof a.error!.data.reason).toBe("string");
    }
    expect((await client.call("public/test")).error).toBeUndefined();
  });

  test("non-numbers: string, null, boolean, array, object, missing: -32602 on interval", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const { client } = await connect();
    for (const interval of ["30", "", "ten", null, true, [30], { s: 30 }]) {
      const a = await client.call("public/set_heartbeat", { interval });
      expect(a.result, `interval ${JSON.stringify(interval)}`).toBeUndefined();
      expect(a.error).toMatchObject({ code: -32602, data: { param: "interval" } });
    }
    const missing = await client.call("public/set_heartbeat", {});
    expect(missing.error).toMatchObject({ code: -32602, data: { param: "interval" } });
    // A raw frame with a number JSON.parse turns into Infinity.
    const id = 999;
    const answer = new Promise<any>((resolve) =>
      (client.socket as any).on("message", (d: Buffer) => {
        const m = JSON.parse(d.toString());
        if (m.id === id) resolve(m);
      }),
    );
    client.socket.send(
      `{"jsonrpc":"2.0","id":${id},"method":"public/set_heartbeat","params":{"interval":1e400}}`,
    );
    expect((await answer).error).toMatchObject({ code: -32602, data: { param: "interval" } });
    expect((await client.call("public/test")).error).toBeUndefined();
  });

  test("a refused set_heartbeat leaves a running heartbeat as it was (no stop, no restart)", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const { client, beats } = await connect();
    expect((await client.call("public/set_heartbeat", { interval: 10 })).result).toBe("ok");
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 4000));
    const bad = await client.call("public/set_heartbeat", { interval: 5 });
    expect(bad.error?.code).toBe(-32602);
    // The first heartbeat still comes about 10 s after the good call, not after the bad one.
    while (beats.length === 0 && Date.now() - started < 13_000)
      await new Promise((r) => setTimeout(r, 50));
    expect(beats.length).toBeGreaterThan(0);
    expect(beats[0]!.at - started).toBeLessThan(11_500);
  }, 20_000);

  test("set twice, then a third time: one timer (one heartbeat per interval), the last interval wins", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const { client, beats } = await connect();
    expect((await client.call("public/set_heartbeat", { interval: 10 })).result).toBe("ok");
    expect((await client.call("public/set_heartbeat", { interval: 10 })).result).toBe("ok");
    expect((await client.call("public/set_heartbeat", { interval: 10 })).result).toBe("ok");
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 10_700));
    // One tick: one heartbeat (and one test_request, as nothing was sent in the interval).
    expect(beats.filter((b) => b.type === "heartbeat")).toHaveLength(1);
    expect(beats[0]!.at - t0).toBeGreaterThan(9_000);
    // Answer the test_request, then disable: no more heartbeats, connection kept.
    expect((await client.call("public/test")).error).toBeUndefined();
    expect((await client.call("public/disable_heartbeat")).result).toBe("ok");
    const n = beats.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(beats.length).toBe(n);
  }, 20_000);

  test("set with 3600 then 10: the second replaces the first", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const { client, beats } = await connect();
    expect((await client.call("public/set_heartbeat", { interval: 3600 })).result).toBe("ok");
    expect((await client.call("public/set_heartbeat", { interval: 10 })).result).toBe("ok");
    await new Promise((r) => setTimeout(r, 10_600));
    expect(beats.some((b) => b.type === "heartbeat")).toBe(true);
    await client.call("public/disable_heartbeat");
  }, 20_000);

  test("disable without set, twice, with junk params: ok (or a clear -32602), connection kept", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const { client, beats } = await connect();
    expect((await client.call("public/disable_heartbeat")).result).toBe("ok");
    expect((await client.call("public/disable_heartbeat")).result).toBe("ok");
    const junk = await client.call("public/disable_heartbeat", { interval: "x" });
    if (junk.error !== undefined) expect(junk.error).toMatchObject({ code: -32602 });
    else expect(junk.result).toBe("ok");
    expect((await client.call("public/set_heartbeat", { interval: 10 })).result).toBe("ok");
    expect((await client.call("public/disable_heartbeat")).result).toBe("ok");
    expect((await client.call("public/test")).error).toBeUndefined();
    expect(beats).toEqual([]);
  });

  test("over HTTP: 10030 must_be_websocket_request with data.reason", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    const a = await post(server.url, "public/set_heartbeat", { interval: 30 });
    expect(a.error).toMatchObject({ code: 10030, data: { reason: expect.any(String) } });
    const b = await post(server.url, "public/disable_heartbeat", {});
    expect(b.error).toMatchObject({ code: 10030, data: { reason: expect.any(String) } });
    const c = await post(server.url, "public/subscribe", { channels: ["book.BTC-PERPETUAL.raw"] });
    expect(c.error).toMatchObject({ code: 10030, data: { reason: expect.any(String) } });
  });

  test("a heartbeat on a connection that then closes abruptly leaves no timer that breaks the server", async () => {
    server = await startReferenceServer({ port: 0, log: () => {} });
    for (let i = 0; i < 50; i++) {
      const { client } = await connect();
      await client.call("public/set_heartbeat", { interval: 10 });
      (client.socket as any)._socket.destroy();
    }
    clients.length = 0;
    const { client } = await connect();
    expect((await client.call("public/test")).error).toBeUndefined();
  });
});
