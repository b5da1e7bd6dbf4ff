import { clientSignatureStringToSign, httpStringToSign } from "@unwind/protocol";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { createClient } from "./createClient.js";
import {
  type AuthServer,
  CLIENT_ID,
  CLIENT_SECRET,
  hmacHex,
  startAuthServer,
} from "./runtime/authServer.test-helpers.js";
import { ConnectionClosedError } from "./runtime/ConnectionClosedError.js";
import { addChannels, type ChannelWire } from "./runtime/channelServer.test-helpers.js";
import type { ClientOptions } from "./runtime/createBaseClient.js";
import { ResultValidationError } from "./runtime/ResultValidationError.js";
import { RpcError } from "./runtime/RpcError.js";
import type { RpcResponse } from "./runtime/RpcResponse.js";
import { rejection } from "./runtime/wireServer.test-helpers.js";

let server: AuthServer;
let wire: ChannelWire;
const clients: { close(): Promise<void> }[] = [];
const clientFor = (options: Partial<ClientOptions>) => {
  const client = createClient({ url: server.url, ...options });
  clients.push(client);
  return client;
};
const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};

beforeAll(async () => {
  server = await startAuthServer();
  wire = addChannels(server, (socket) => server.isAuthenticated(socket));
});
beforeEach(() => {
  server.expiresIn = 900;
  server.grants.length = 0;
  server.authorizations.length = 0;
});
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
/** Only `Date` is faked (the token's clock); sockets and timers stay real. */
const fakeClock = () => vi.useFakeTimers({ toFake: ["Date"] });
afterAll(() => server.close());

const position = { instrument_name: "BTC-PERPETUAL" };

describe("createClient over WebSocket", () => {
  test("client_credentials: the connection is authenticated before the first call", async () => {
    const client = clientFor({ transport: "ws", auth: credentials });
    expect(await client.request("private/get_position", position)).toEqual({
      ...position,
      size: "0",
    });
    expect(server.grants).toEqual([
      { grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
    ]);
    expect(client.session).toMatchObject({
      tokenType: "bearer",
      scope: "trade:read_write",
      expiresIn: 900,
    });
  });

  test("client_signature: the signature matches HMAC-SHA256(secret, ts\\nnonce\\ndata) computed here; fresh nonce each time", async () => {
    const client = clientFor({
      transport: "ws",
      auth: { ...credentials, grant: "client_signature", signatureData: "hello" },
    });
    await client.authenticate();
    await client.authenticate();
    expect(server.grants).toHaveLength(2);
    const [first, second] = server.grants as Record<string, string | number>[];
    for (const grant of [first!, second!]) {
      expect(grant).toMatchObject({
        grant_type: "client_signature",
        client_id: CLIENT_ID,
        data: "hello",
      });
      expect(grant).not.toHaveProperty("client_secret");
      expect(grant.signature).toBe(
        hmacHex(
          CLIENT_SECRET,
          clientSignatureStringToSign(grant.timestamp, String(grant.nonce), String(grant.data)),
        ),
      );
      expect(Math.abs(Date.now() - Number(grant.timestamp))).toBeLessThan(5_000);
    }
    expect(first!.nonce).not.toBe(second!.nonce);
    expect(await client.request("private/get_position", position)).toMatchObject(position);
  });

  test("a wrong secret rejects with the server's 13009 as an RpcError", async () => {
    const client = clientFor({ transport: "ws", auth: { ...credentials, clientSecret: "wrong" } });
    const error = await rejection(client.request("private/get_position", position));
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({ code: 13009, method: "public/auth" });
  });

  test("refreshes the token with the refresh_token grant before it expires", async () => {
    server.expiresIn = 1; // refresh due after 800 ms (20 % margin)
    fakeClock();
    const client = clientFor({ transport: "ws", auth: credentials });
    await client.request("private/get_position", position);
    const firstRefresh = client.session!.refreshToken;
    vi.advanceTimersByTime(850);
    await client.request("private/get_position", position);
    expect(server.grants.map((g) => g.grant_type)).toEqual(["client_credentials", "refresh_token"]);
    expect(server.grants[1]).toEqual({ grant_type: "refresh_token", refresh_token: firstRefresh });
    expect(client.session!.refreshToken).not.toBe(firstRefresh);
  });

  test("many calls due for a refresh share one refresh_token grant", async () => {
    server.expiresIn = 1;
    fakeClock();
    const client = clientFor({ transport: "ws", auth: credentials });
    await client.request("private/get_position", position);
    vi.advanceTimersByTime(850);
    const calls = Array.from({ length: 20 }, () =>
      client.request("private/get_position", position),
    );
    expect(await Promise.all(calls)).toHaveLength(20);
    expect(server.grants.map((g) => g.grant_type)).toEqual(["client_credentials", "refresh_token"]);
  });

  test("server drops the socket: calls in flight fail with ConnectionClosedError; the client reconnects and re-authenticates", async () => {
    const client = clientFor({
      transport: "ws",
      auth: credentials,
      reconnect: { initialDelayMs: 10 },
    });
    await client.request("private/get_position", position);
    server.handlers["public/hang"] = () => new Promise(() => {});
    // @ts-expect-error public/hang is this test server's own method, not the spec's
    const inFlight = rejection(client.request("public/hang", {}));
    await until(() => server.requests.some((r) => r.method === "public/hang"));
    server.dropSockets();
    const error = await inFlight;
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error.method).toBe("public/hang");
    await until(() => server.grants.length === 2);
    expect(await client.request("private/get_position", position)).toMatchObject(position);
    expect(server.grants.map((g) => g.grant_type)).toEqual([
      "client_credentials",
      "client_credentials",
    ]);
  });
});

describe("createClient over HTTP", () => {
  test("bearer (default): one public/auth, then Authorization: Bearer on private calls only", async () => {
    const client = clientFor({ auth: credentials });
    await client.request("private/get_position", position);
    await client.request("private/close_position", { ...position, type: "limit" });
    await client.request("public/test", {});
    expect(server.grants).toHaveLength(1);
    const token = client.session!.accessToken;
    expect(server.authorizations.map((a) => a.header)).toEqual([
      `Bearer ${token}`,
      `Bearer ${token}`,
    ]);
    const publicCalls = server.requests.filter((r) => r.method.startsWith("public/"));
    expect(publicCalls.at(-1)!.headers?.authorization).toBeUndefined();
  });

  test("bearer: a token the server forgot is replaced once and the call retried", async () => {
    const client = clientFor({ auth: credentials });
    await client.request("private/get_position", position);
    server.revokeAll();
    expect(await client.request("private/get_position", position)).toMatchObject(position);
    expect(server.grants).toHaveLength(2);
    expect(server.authorizations.map((a) => a.ok)).toEqual([true, false, true]);
  });

  test("basic: Basic base64(client_id:client_secret), no public/auth", async () => {
    const client = clientFor({ auth: { ...credentials, http: "basic" } });
    await client.request("private/get_position", position);
    expect(server.grants).toHaveLength(0);
    expect(server.authorizations).toEqual([
      {
        header: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`,
        ok: true,
        stringToSign: undefined,
      },
    ]);
  });

  for (const httpMethod of ["POST", "GET"] as const) {
    test(`hmac (${httpMethod}): deri-hmac-sha256 over ts, nonce, method, path?query and body, a fresh nonce per request`, async () => {
      const client = clientFor({ auth: { ...credentials, http: "hmac" }, httpMethod });
      await client.request("private/get_position", position);
      await client.request("private/get_position", position);
      expect(server.grants).toHaveLength(0);
      const nonces = new Set<string>();
      for (const [i, { header, ok }] of server.authorizations.entries()) {
        const match =
          /^deri-hmac-sha256 id=([^,]+),ts=(\d+),nonce=([^,]+),sig=([0-9a-f]{64})$/.exec(header);
        expect(match, header).not.toBeNull();
        const [, id, ts, nonce, sig] = match!;
        const received = server.requests
          .filter((r) => r.method === "private/get_position")
          .at(i - 2)!;
        const target =
          httpMethod === "GET"
            ? "/api/v2/private/get_position?instrument_name=BTC-PERPETUAL"
            : "/api/v2";
        expect(received.target).toBe(target);
        const body = httpMethod === "GET" ? "" : received.body!;
        expect(sig).toBe(
          hmacHex(CLIENT_SECRET, httpStringToSign(ts, nonce, httpMethod, target, body)),
        );
        expect(id).toBe(CLIENT_ID);
        expect(ok).toBe(true);
        nonces.add(nonce!);
      }
      expect(nonces.size).toBe(2);
    });
  }

  test("hmac with a wrong secret: the server refuses the signature (13009)", async () => {
    const client = clientFor({ auth: { ...credentials, clientSecret: "nope", http: "hmac" } });
    const error = await rejection(client.request("private/get_position", position));
    expect(error).toMatchObject({ code: 13009 });
  });
});

describe("timing and validation", () => {
  for (const transport of ["http", "ws"] as const) {
    test(`${transport}: requestWithResponse and onResponse expose usIn/usOut/usDiff/testnet and rttMs`, async () => {
      const seen: [RpcResponse, string][] = [];
      const client = clientFor({ transport, onResponse: (r, m) => seen.push([r, m]) });
      const response = await client.requestWithResponse("public/test", {});
      expect(response.result).toEqual({ version: "1.2.26" });
      expect(response.usDiff).toBe(response.usOut - response.usIn);
      expect(response.testnet).toBe(true);
      expect(response.rttMs).toBeGreaterThan(0);
      expect(response.rttMs * 1000).toBeGreaterThanOrEqual(response.usDiff);
      let perCall: RpcResponse | undefined;
      await client.request("public/test", {}, { onResponse: (r) => (perCall = r) });
      expect(perCall?.result).toEqual({ version: "1.2.26" });
      expect(seen.map(([, m]) => m)).toEqual(["public/test", "public/test"]);
    });
  }

  test("validateResults with a function: a result it rejects becomes ResultValidationError", async () => {
    const client = clientFor({
      validateResults: (method, result) => {
        if ((result as { version?: unknown }).version !== "2") {
          throw new ResultValidationError('/version must be "2"', { method, result });
        }
      },
    });
    const error = await rejection(client.request("public/test", {}));
    expect(error).toBeInstanceOf(ResultValidationError);
    expect(error.message).toContain("/version must be");
  });
});

describe("subscribe", () => {
  test("over HTTP: a TypeError saying subscriptions need the WebSocket transport", () => {
    const client = clientFor({ auth: credentials });
    expect(() => client.subscribe("user.changes.BTC-PERPETUAL.raw")).toThrowError(
      new TypeError(
        'subscribe("user.changes.BTC-PERPETUAL.raw") needs the WebSocket transport: subscriptions are WebSocket only (over HTTP the server refuses them). Create the client with transport: "ws" or a wsUrl.',
      ),
    );
  });

  test("a private channel goes out as private/subscribe on the authenticated connection", async () => {
    const client = clientFor({ transport: "ws", auth: credentials });
    const changes = client.subscribe("user.changes.BTC-PERPETUAL.raw");
    await changes.ready();
    const methods = server.requests.map((r) => r.method);
    expect(methods.slice(methods.lastIndexOf("public/auth"))).toEqual([
      "public/auth",
      "private/subscribe",
    ]);
    wire.publish("user.changes.BTC-PERPETUAL.raw", { positions: [{ size: "0" }] });
    for await (const change of changes) {
      expect(change).toEqual({ positions: [{ size: "0" }] });
      break;
    }
    expect(server.requests.at(-1)!.method).toBe("private/unsubscribe");
  });

  test("the channels option decides which channels are private; subscribe's private option overrides it", async () => {
    const client = clientFor({
      transport: "ws",
      auth: credentials,
      channels: [{ regex: /^book\./, private: true }],
    });
    await client.subscribe("book.BTC-PERPETUAL.raw").ready();
    await client.subscribe("trades.BTC-PERPETUAL.raw", { private: true }).ready();
    await client.subscribe("book.ETH-PERPETUAL.raw", { private: false }).ready();
    const subscribes = server.requests
      .filter((r) => r.method.endsWith("/subscribe"))
      .map((r) => [r.method, (r.params.channels as string[])[0]]);
    expect(subscribes.slice(-3)).toEqual([
      ["private/subscribe", "book.BTC-PERPETUAL.raw"],
      ["private/subscribe", "trades.BTC-PERPETUAL.raw"],
      ["public/subscribe", "book.ETH-PERPETUAL.raw"],
    ]);
    await client.unsubscribeAll();
    expect(server.requests.at(-1)!.method).toBe("public/unsubscribe_all");
  });
});
