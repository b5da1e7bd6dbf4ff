// public/set_heartbeat with the client against the reference server: the client answers each
// test_request by itself and the connection (and a subscription on it) survives several intervals.
import { startReferenceServer } from "@unwind/reference";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createClient } from "../createClient.js";
import { failOnUnhandledRejections, type ReferenceServer } from "./abuseHarness.test-helpers.js";

const unhandled = failOnUnhandledRejections();

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ port: 0, log: () => {} });
});
afterAll(() => server?.close());

test("heartbeat every 10 s: test_requests answered automatically, the connection and a subscription survive 3 intervals", async () => {
  const events: string[] = [];
  const beats: string[] = [];
  const client = createClient({
    url: server.url,
    transport: "ws",
    onConnectionEvent: (e) => events.push(e.type),
    onNotification: (m: any) => {
      if (m.method === "heartbeat") beats.push(m.params?.type);
    },
  });
  try {
    const it = client.subscribe("book.ETH-PERPETUAL.raw");
    expect((await it.next()).value).toMatchObject({ type: "snapshot" });
    await client.setHeartbeat({ interval: 10 });
    await new Promise((r) => setTimeout(r, 32_000));
    expect(beats.filter((b) => b === "test_request").length).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e === "close")).toEqual([]);
    expect((client.transport as any).state).toBe("open");
    expect(it.active).toBe(true);
    expect(await client.test({})).toHaveProperty("version");
    await it.return();
    expect(unhandled).toEqual([]);
  } finally {
    await client.close();
  }
}, 60_000);
