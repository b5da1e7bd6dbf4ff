import { createHmac } from "node:crypto";
import { clientSignatureStringToSign } from "@unwind/protocol";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type ReferenceServer, startReferenceServer } from "./startReferenceServer.js";
import {
  ALICE,
  ALICE_READONLY,
  BOB,
  basic,
  get,
  hmacHeader,
  login,
  post,
  WsClient,
} from "./testing/rpc.test-helpers.js";

let server: ReferenceServer;
let clock = Date.now();
beforeEach(async () => {
  clock = Date.now();
  server = await startReferenceServer({ port: 0, log: () => {}, now: () => clock });
});
afterEach(() => server.close());

const order = { instrument_name: "BTC-PERPETUAL", amount: "10", price: "30000" };
const BUY = "/api/v2/private/buy?instrument_name=BTC-PERPETUAL&amount=10&price=30000";

describe("authentication failures", () => {
  test("no credentials: 10000 authorization_required, on every private method", async () => {
    for (const method of ["private/buy", "private/close_position", "private/get_positions"]) {
      const res = await post(server.url, method, { ...order, type: "limit" });
      expect(res.error).toEqual({ code: 10000, message: "authorization_required" });
    }
  });

  test("a wrong secret and an unknown client id answer the same 13009, without data", async () => {
    const wrong = await post(server.url, "public/auth", {
      grant_type: "client_credentials",
      client_id: ALICE.id,
      client_secret: "not-the-secret",
    });
    const unknown = await post(server.url, "public/auth", {
      grant_type: "client_credentials",
      client_id: "nobody",
      client_secret: "not-the-secret",
    });
    expect(wrong.error).toEqual({ code: 13009, message: "unauthorized" });
    expect(unknown.error).toEqual(wrong.error);
    const basicWrong = await post(
      server.url,
      "private/get_positions",
      {},
      basic({ id: BOB.id, secret: "x".repeat(20) }),
    );
    const basicUnknown = await post(
      server.url,
      "private/get_positions",
      {},
      basic({ id: "ghost", secret: "x".repeat(20) }),
    );
    expect(basicWrong.error).toEqual({ code: 13009, message: "unauthorized" });
    expect(basicUnknown.error).toEqual(basicWrong.error);
  });

  test("a bad deri-hmac-sha256 signature, or one for another request, is 13009 without data", async () => {
    const forged = await get(
      server.url,
      BUY,
      hmacHeader({ id: ALICE.id, secret: "guess" }, "GET", BUY),
    );
    expect(forged.error).toEqual({ code: 13009, message: "unauthorized" });
    const other = "/api/v2/private/buy?instrument_name=BTC-PERPETUAL&amount=10000&price=30000";
    const moved = await get(server.url, other, hmacHeader(ALICE, "GET", BUY));
    expect(moved.error).toMatchObject({ code: 13009 });
    const unknownId = await get(
      server.url,
      BUY,
      hmacHeader({ id: "ghost", secret: "guess" }, "GET", BUY),
    );
    expect(unknownId.error).toEqual(forged.error);
  });

  test("a replayed nonce is 13009 with the reason, over HTTP and in client_signature", async () => {
    const header = hmacHeader(ALICE, "GET", BUY, "", clock, "same-nonce");
    expect((await get(server.url, BUY, header)).error).toBeUndefined();
    const replay = await get(server.url, BUY, header);
    expect(replay.error).toEqual({
      code: 13009,
      message: "unauthorized",
      data: { reason: 'nonce "same-nonce" was already used' },
    });
    // The same nonce on a different, freshly signed request is a replay too.
    const fresh = hmacHeader(
      ALICE,
      "GET",
      "/api/v2/private/get_positions",
      "",
      clock,
      "same-nonce",
    );
    expect((await get(server.url, "/api/v2/private/get_positions", fresh)).error?.code).toBe(13009);

    const sign = (nonce: string) => ({
      grant_type: "client_signature",
      client_id: BOB.id,
      timestamp: clock,
      nonce,
      signature: createHmac("sha256", BOB.secret)
        .update(clientSignatureStringToSign(clock, nonce, ""))
        .digest("hex"),
    });
    expect((await post(server.url, "public/auth", sign("n1"))).result).toBeDefined();
    expect((await post(server.url, "public/auth", sign("n1"))).error).toEqual({
      code: 13009,
      message: "unauthorized",
      data: { reason: 'nonce "n1" was already used' },
    });
  });

  test("a timestamp outside the 60 s window is 13009 with the reason; inside it is accepted", async () => {
    const late = await get(server.url, BUY, hmacHeader(ALICE, "GET", BUY, "", clock - 60_001));
    expect(late.error).toEqual({
      code: 13009,
      message: "unauthorized",
      data: {
        reason: `timestamp ${clock - 60_001} is more than 60 s away from the server clock ${clock}`,
      },
    });
    const early = await get(server.url, BUY, hmacHeader(ALICE, "GET", BUY, "", clock + 61_000));
    expect(early.error).toMatchObject({ code: 13009 });
    const edge = await get(server.url, BUY, hmacHeader(ALICE, "GET", BUY, "", clock - 59_000));
    expect(edge.error).toBeUndefined();
  });

  test("a signed POST covers its body", async () => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 7, method: "private/buy", params: order });
    const res = await fetch(server.url + "/api/v2", {
      method: "POST",
      headers: { "content-type": "application/json", ...hmacHeader(BOB, "POST", "/api/v2", body) },
      body,
    });
    expect(((await res.json()) as { result: unknown }).result).toBeDefined();
    const tampered = await fetch(server.url + "/api/v2", {
      method: "POST",
      headers: { "content-type": "application/json", ...hmacHeader(BOB, "POST", "/api/v2", body) },
      body: body.replace('"10"', '"1000"'),
    });
    expect(((await tampered.json()) as { error: { code: number } }).error.code).toBe(13009);
  });

  test("an expired access token is 13009 access token expired; its refresh token issues a new one, once", async () => {
    const tokens = await login(server.url, BOB);
    const bearer = (t: string) => ({ authorization: `bearer ${t}` });
    expect(
      (await post(server.url, "private/get_positions", {}, bearer(tokens.access_token))).result,
    ).toBeDefined();
    clock += 901_000;
    const expired = await post(
      server.url,
      "private/get_positions",
      {},
      bearer(tokens.access_token),
    );
    expect(expired.error).toEqual({
      code: 13009,
      message: "unauthorized",
      data: { reason: "access token expired" },
    });
    const never = await post(
      server.url,
      "private/get_positions",
      {},
      bearer(`${tokens.access_token.split(".").slice(0, 2).join(".")}.forged`),
    );
    expect(never.error).toEqual({ code: 13009, message: "unauthorized" });
    const refreshed = await post(server.url, "public/auth", {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.result).toMatchObject({ scope: "trade:read_write", expires_in: 900 });
    const fresh = await post(
      server.url,
      "private/get_positions",
      {},
      bearer(refreshed.result.access_token),
    );
    expect(fresh.result).toHaveLength(3);
    const reused = await post(server.url, "public/auth", {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
    });
    expect(reused.error).toEqual({ code: 13009, message: "unauthorized" });
    clock += 86_400_000;
    const stale = await post(server.url, "public/auth", {
      grant_type: "refresh_token",
      refresh_token: refreshed.result.refresh_token,
    });
    expect(stale.error).toEqual({
      code: 13009,
      message: "unauthorized",
      data: { reason: "refresh token expired" },
    });
  });

  test("a trade:read token reads but cannot place orders: 13403", async () => {
    const read = await login(server.url, ALICE, "trade:read");
    expect(read.scope).toBe("trade:read");
    const headers = { authorization: `Bearer ${read.access_token}` };
    expect((await post(server.url, "private/get_positions", {}, headers)).result).toBeDefined();
    const buy = await post(server.url, "private/buy", order, headers);
    expect(buy.error).toEqual({
      code: 13403,
      message: "scope_exceeded",
      data: {
        reason: "private/buy needs scope trade:read_write, but the credentials grant trade:read",
        required_scope: "trade:read_write",
      },
    });
    const close = await post(
      server.url,
      "private/close_position",
      { instrument_name: "BTC-PERPETUAL", type: "limit" },
      headers,
    );
    expect(close.error?.code).toBe(13403);
    // A read-only API key cannot get a wider token, nor trade with Basic.
    const narrow = await login(server.url, ALICE_READONLY, "trade:read_write");
    expect(narrow.scope).toBe("trade:read");
    expect((await post(server.url, "private/buy", order, basic(ALICE_READONLY))).error?.code).toBe(
      13403,
    );
    // Over WebSocket the connection keeps the scope it authenticated with.
    const ws = await WsClient.open(server.wsUrl);
    await ws.call("public/auth", {
      grant_type: "client_credentials",
      client_id: ALICE.id,
      client_secret: ALICE.secret,
      scope: "trade:read",
    });
    expect((await ws.call("private/buy", order)).error?.code).toBe(13403);
    await ws.close();
  });

  test("another account's order behaves as unknown: 10004", async () => {
    const placed = await post(server.url, "private/buy", order, basic(ALICE));
    const id = placed.result.order.order_id;
    const read = await post(server.url, "private/get_order_state", { order_id: id }, basic(BOB));
    expect(read.error).toEqual({ code: 10004, message: "order_not_found" });
    const cancel = await post(server.url, "private/cancel", { order_id: id }, basic(BOB));
    expect(cancel.error).toEqual({ code: 10004, message: "order_not_found" });
    const mine = await post(server.url, "private/get_order_state", { order_id: id }, basic(ALICE));
    expect(mine.result.order_state).toBe("open");
    const open = await post(
      server.url,
      "private/get_open_orders_by_instrument",
      { instrument_name: "BTC-PERPETUAL" },
      basic(BOB),
    );
    expect(open.result).toEqual([]);
  });

  test("malformed Authorization headers are 13009 with the reason", async () => {
    for (const authorization of ["Bearer", "Basic !!!", "deri-hmac-sha256 id=x", "Digest abc"]) {
      const res = await post(server.url, "private/get_positions", {}, { authorization });
      expect(res.error).toMatchObject({ code: 13009, data: { reason: expect.any(String) } });
    }
  });
});
