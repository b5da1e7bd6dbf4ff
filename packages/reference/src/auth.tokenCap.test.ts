import { afterEach, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import { ALICE_READONLY, BOB, post, WsClient } from "./testing/rpc.test-helpers.js";

let server: ReferenceServer;
afterEach(() => server?.close());

const position = { instrument_name: "BTC-PERPETUAL" };
const login = (key: { id: string; secret: string }) => ({
  grant_type: "client_credentials",
  client_id: key.id,
  client_secret: key.secret,
});

test("past the per-key cap the oldest token pair stops working with 13009, on every transport", async () => {
  server = await startReferenceServer({ port: 0, maxTokensPerKey: 2 });
  const first = await WsClient.open(server.wsUrl);
  const firstTokens = (await first.call("public/auth", login(BOB))).result;
  expect((await first.call("private/get_position", position)).result).toBeDefined();
  await post(server.url, "public/auth", login(BOB));
  await post(server.url, "public/auth", login(BOB));
  // The first pair is revoked: its access token, its refresh token, and the connection it authenticated.
  const bearer = { authorization: `Bearer ${firstTokens.access_token}` };
  expect((await post(server.url, "private/get_position", position, bearer)).error).toEqual({
    code: 13009,
    message: "unauthorized",
  });
  const refresh = { grant_type: "refresh_token", refresh_token: firstTokens.refresh_token };
  expect((await post(server.url, "public/auth", refresh)).error).toEqual({
    code: 13009,
    message: "unauthorized",
  });
  expect((await first.call("private/get_position", position)).error).toEqual({
    code: 13009,
    message: "unauthorized",
    data: { reason: "access token revoked" },
  });
  expect((await first.call("private/get_position", position)).error?.code).toBe(10000);
  await first.close();
});

test("a read-only key is capped too: the token store stays bounded however often it logs in", async () => {
  server = await startReferenceServer({ port: 0 });
  const client = await WsClient.open(server.wsUrl);
  for (let i = 0; i < 200; i++) {
    expect((await client.call("public/auth", login(ALICE_READONLY))).result).toBeDefined();
  }
  // 32 pairs by default: 32 access and 32 refresh tokens.
  expect(server.auth.tokens.size).toBe(64);
  await client.close();
});
