import { afterEach, describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import { ALICE_READONLY, BOB, post, WsClient } from "./testing/rpc.test-helpers.js";

let server: ReferenceServer | undefined;
let client: WsClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

const expired = { code: 13009, message: "unauthorized", data: { reason: "access token expired" } };
const auth = (url: string, scope: string, key: { id: string; secret: string } = BOB) =>
  post(url, "public/auth", {
    grant_type: "client_credentials",
    client_id: key.id,
    client_secret: key.secret,
    scope,
  });
// The server's clock is the test's (`now`): a token's second passes without waiting for it.
let clock = 0;
const now = () => clock;

describe("public/auth scope expires:N (Deribit's token lifetime)", () => {
  test("expires:1 over HTTP: expires_in 1, scope echoed, then 13009 access token expired", async () => {
    clock = Date.now();
    server = await startReferenceServer({ port: 0, log: () => {}, now });
    const res = await auth(server.url, "trade:read_write expires:1");
    expect(res.result).toMatchObject({ expires_in: 1, scope: "trade:read_write expires:1" });
    const bearer = { authorization: `Bearer ${res.result.access_token}` };
    expect((await post(server.url, "private/get_positions", {}, bearer)).result).toHaveLength(3);
    clock += 1_100;
    expect((await post(server.url, "private/get_positions", {}, bearer)).error).toEqual(expired);
    const param = { access_token: res.result.access_token };
    expect((await post(server.url, "private/get_positions", param)).error).toEqual(expired);
    // The refresh token outlives it, and a refresh keeps the lifetime asked for.
    const refreshed = await post(server.url, "public/auth", {
      grant_type: "refresh_token",
      refresh_token: res.result.refresh_token,
    });
    expect(refreshed.result).toMatchObject({ expires_in: 1, scope: "trade:read_write expires:1" });
  });

  test("expires:1 over WebSocket: the authenticated connection and a fresh one answer 13009", async () => {
    clock = Date.now();
    server = await startReferenceServer({ port: 0, log: () => {}, now });
    client = await WsClient.open(server.wsUrl);
    const res = await client.call("public/auth", {
      grant_type: "client_credentials",
      client_id: BOB.id,
      client_secret: BOB.secret,
      scope: "expires:1 trade:read_write",
    });
    expect(res.result).toMatchObject({ expires_in: 1, scope: "trade:read_write expires:1" });
    expect((await client.call("private/get_positions")).result).toHaveLength(3);
    clock += 1_100;
    expect((await client.call("private/get_positions")).error).toEqual(expired);
    const fresh = await WsClient.open(server.wsUrl);
    try {
      const answer = await fresh.call("private/get_positions", {
        access_token: res.result.access_token,
      });
      expect(answer.error).toEqual(expired);
    } finally {
      await fresh.close();
    }
  });

  test("N is capped at the server's token lifetime; a read-only key keeps trade:read", async () => {
    server = await startReferenceServer({ port: 0, log: () => {}, accessTtlSeconds: 60 });
    const capped = await auth(server.url, "trade:read_write expires:3600");
    expect(capped.result).toMatchObject({ expires_in: 60, scope: "trade:read_write expires:60" });
    const readOnly = await auth(server.url, "expires:30", ALICE_READONLY);
    expect(readOnly.result).toMatchObject({ expires_in: 30, scope: "trade:read expires:30" });
    const plain = await auth(server.url, "trade:read");
    expect(plain.result).toMatchObject({ expires_in: 60, scope: "trade:read" });
    // The scope entry is a lifetime, not a permission: 13403's reason names trade:read only.
    const token = (await auth(server.url, "trade:read expires:30")).result.access_token;
    const refused = await post(server.url, "private/close_position", {
      instrument_name: "BTC-PERPETUAL",
      type: "market",
      access_token: token,
    });
    expect(refused.error?.code).toBe(13403);
    expect(JSON.stringify(refused.error?.data)).not.toContain("expires");
  });

  test.each([
    "expires:0",
    "expires:-1",
    "expires:1.5",
    "expires:abc",
    "expires:",
    "expires:01",
    "expires:1e3",
    "expires:99999999999999999999",
    "expires:5 expires:6",
  ])("a malformed %j answers -32602 {param: scope}", async (scope) => {
    server ??= await startReferenceServer({ port: 0, log: () => {} });
    const res = await auth(server.url, `trade:read_write ${scope}`);
    expect(res.error?.code).toBe(-32602);
    expect(res.error?.data?.param).toBe("scope");
    expect(typeof res.error?.data?.reason).toBe("string");
  });
});
