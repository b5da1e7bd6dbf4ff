import { afterEach, describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import { BOB, WsClient } from "./testing/rpc.test-helpers.js";

let server: ReferenceServer | undefined;
let client: WsClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

const expired = { code: 13009, message: "unauthorized", data: { reason: "access token expired" } };
const login = (ws: WsClient) =>
  ws.call("public/auth", {
    grant_type: "client_credentials",
    client_id: BOB.id,
    client_secret: BOB.secret,
  });

describe("a WebSocket connection's token expires", () => {
  test("with a 1 s token TTL: 13009 access token expired, then 10000, until a refresh", async () => {
    // The server's clock is the test's: the token's second passes without waiting for it.
    let clock = Date.now();
    server = await startReferenceServer({
      port: 0,
      log: () => {},
      accessTtlSeconds: 1,
      now: () => clock,
    });
    client = await WsClient.open(server.wsUrl);
    const auth = await login(client);
    expect(auth.result.expires_in).toBe(1);
    expect((await client.call("private/get_positions")).result).toHaveLength(3);
    clock += 1_050;
    expect((await client.call("private/get_positions")).error).toEqual(expired);
    // The connection's principal is gone: it is now an unauthenticated connection.
    expect((await client.call("private/get_positions")).error).toEqual({
      code: 10000,
      message: "authorization_required",
    });
    const refreshed = await client.call("public/auth", {
      grant_type: "refresh_token",
      refresh_token: auth.result.refresh_token,
    });
    expect(refreshed.result.expires_in).toBe(1);
    expect((await client.call("private/get_positions")).result).toHaveLength(3);
  });

  test("a refresh on the connection before expiry carries it past the first token's end", async () => {
    let clock = Date.now();
    server = await startReferenceServer({ port: 0, log: () => {}, now: () => clock });
    client = await WsClient.open(server.wsUrl);
    const auth = await login(client);
    clock += 800_000;
    const refreshed = await client.call("public/auth", {
      grant_type: "refresh_token",
      refresh_token: auth.result.refresh_token,
    });
    expect(refreshed.error).toBeUndefined();
    clock += 200_000; // 1,000 s after the first token: only the refreshed one is alive
    expect((await client.call("private/get_positions")).result).toHaveLength(3);
    clock += 700_000; // 900 s after the refresh
    expect((await client.call("private/get_positions")).error).toEqual(expired);
  });

  test("a public method on an expired connection runs unauthenticated", async () => {
    let clock = Date.now();
    server = await startReferenceServer({ port: 0, log: () => {}, now: () => clock });
    client = await WsClient.open(server.wsUrl);
    await login(client);
    clock += 900_000;
    expect((await client.call("public/test")).result).toEqual({ version: expect.any(String) });
    expect((await client.call("private/get_positions")).error?.code).toBe(10000);
  });
});
