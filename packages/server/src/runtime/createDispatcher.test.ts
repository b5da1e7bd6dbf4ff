import { describe, expect, it, vi } from "vitest";
import type { Credentials } from "./Credentials.js";
import { createDispatcher } from "./createDispatcher.js";
import { auth, handlers, methods, testSession, validators } from "./fixtureApi.test-helpers.js";
import { RpcError } from "./RpcError.js";
import type { Session } from "./Session.js";

const onError = vi.fn();
const dispatcher = createDispatcher({ methods, validators, handlers, auth, onError });

async function send(message: unknown, session: Session = testSession("ws")) {
  const text = typeof message === "string" ? message : JSON.stringify(message);
  const out = await dispatcher.handleText(text, session);
  return out === undefined ? undefined : JSON.parse(out);
}
const rpc = (method: string, params?: unknown, id: unknown = 1) => ({
  jsonrpc: "2.0",
  id,
  method,
  params,
});
const bearer = (token: string): Credentials => ({ scheme: "bearer", token, source: "header" });

describe("createDispatcher", () => {
  it("echoes a numeric id beyond 2^53, or with a fraction, as the client wrote it", async () => {
    for (const id of ["12345678901234567890", "-9007199254740993", "1.50", "1e400"]) {
      const text = `{"jsonrpc":"2.0","id":${id},"method":"public/test","params":{}}`;
      const out = (await dispatcher.handleText(text, testSession("ws"))) as string;
      expect(out.startsWith(`{"jsonrpc":"2.0","id":${id},"result":`)).toBe(true);
    }
  });

  it("echoes the id JSON.parse keeps when a second id key is written with escapes", async () => {
    const text = '{"jsonrpc":"2.0","id":{"a":1},"\\u0069d":1.5,"method":"public/test"}';
    const out = (await dispatcher.handleText(text, testSession("ws"))) as string;
    expect(out.startsWith('{"jsonrpc":"2.0","id":1.5,"result":')).toBe(true);
  });

  it("answers a call with the result and the envelope", async () => {
    const reply = await send(rpc("public/test", {}, 7));
    expect(reply).toMatchObject({
      jsonrpc: "2.0",
      id: 7,
      result: { version: "1.2.26" },
      testnet: false,
    });
    expect(Object.keys(reply)).toEqual([
      "jsonrpc",
      "id",
      "result",
      "usIn",
      "usOut",
      "usDiff",
      "testnet",
    ]);
    expect(Number.isInteger(reply.usIn) && Number.isInteger(reply.usOut)).toBe(true);
    expect(String(reply.usIn)).toHaveLength(16);
    expect(reply.usDiff).toBe(reply.usOut - reply.usIn);
    expect(Math.abs(reply.usIn / 1000 - Date.now())).toBeLessThan(1000);
  });

  it("answers synchronously for a synchronous handler", () => {
    const out = dispatcher.handleText(JSON.stringify(rpc("public/test")), testSession("ws"));
    expect(typeof out).toBe("string");
  });

  it.each([["abc"], [0], [-5], [""], [null], [1.5]])("echoes the id %j exactly", async (id) => {
    expect((await send(rpc("public/test", {}, id))).id).toBe(id);
  });

  it("sets testnet from the options", async () => {
    const testnet = createDispatcher({ methods, validators, handlers, auth, testnet: true });
    const out = JSON.parse(
      (await testnet.handleText(JSON.stringify(rpc("public/test")), testSession("ws")))!,
    );
    expect(out.testnet).toBe(true);
  });

  it("accepts a leading slash and omitted params", async () => {
    expect((await send({ jsonrpc: "2.0", id: 1, method: "/public/test" })).result).toEqual({
      version: "1.2.26",
    });
  });

  it.each([
    ["bad JSON", "{not json", null, -32700, undefined],
    ["a string", '"hello"', null, -32600, { reason: "a request must be a JSON object" }],
    ["null", "null", null, -32600, { reason: "a request must be a JSON object" }],
    [
      "a batch",
      JSON.stringify([rpc("public/test")]),
      null,
      -32600,
      { reason: "batch requests are not supported" },
    ],
    ["an empty batch", "[]", null, -32600, { reason: "batch requests are not supported" }],
    [
      "an object id",
      JSON.stringify({ jsonrpc: "2.0", id: {}, method: "public/test" }),
      null,
      -32600,
      { reason: "id must be a string, a number or null" },
    ],
    [
      "a number id, with an object id after it under an escaped key",
      '{"jsonrpc":"2.0","id":1.5,"\\u0069d":{"a":1},"method":"public/test"}',
      null,
      -32600,
      { reason: "id must be a string, a number or null" },
    ],
    [
      "no jsonrpc",
      JSON.stringify({ id: 1, method: "public/test" }),
      1,
      -32600,
      { reason: 'jsonrpc must be "2.0"' },
    ],
    [
      "jsonrpc 1.0",
      JSON.stringify({ jsonrpc: "1.0", id: "a", method: "public/test" }),
      "a",
      -32600,
      { reason: 'jsonrpc must be "2.0"' },
    ],
    [
      "a numeric method",
      JSON.stringify({ jsonrpc: "2.0", id: 1, method: 5 }),
      1,
      -32600,
      { reason: "method must be a string" },
    ],
  ])("rejects %s", async (_, text, id, code, data) => {
    const reply = await send(text);
    const message = code === -32700 ? "Parse error" : "Invalid Request";
    expect(reply.error).toEqual(data === undefined ? { code, message } : { code, message, data });
    expect(reply.id).toBe(id);
    expect(reply.usDiff).toBe(reply.usOut - reply.usIn);
  });

  it("gives a notification no response, but runs it", async () => {
    const before = handlers.calls;
    expect(await send({ jsonrpc: "2.0", method: "public/test" })).toBeUndefined();
    expect(handlers.calls).toBe(before + 1);
    expect(await send({ jsonrpc: "2.0", method: "public/nope" })).toBeUndefined();
    expect(await send({ jsonrpc: "2.0", method: "public/boom" })).toBeUndefined();
  });

  it("answers -32601 with the method for an unknown method", async () => {
    expect((await send(rpc("public/nope"))).error).toEqual({
      code: -32601,
      message: "Method not found",
      data: { method: "public/nope" },
    });
  });

  it("rejects positional params", async () => {
    for (const params of [["BTC-PERPETUAL"], "x", null, 3]) {
      expect((await send(rpc("public/test", params))).error).toEqual({
        code: -32602,
        message: "Invalid params",
        data: { param: "params", reason: "params must be an object (by name)" },
      });
    }
  });

  it.each([
    ["a missing param", {}, { param: "instrument_name", reason: "is required" }],
    [
      "a mistyped param",
      { instrument_name: 5, type: "limit" },
      { param: "instrument_name", reason: "must be string" },
    ],
    [
      "a bad enum",
      { instrument_name: "BTC-PERPETUAL", type: "market" },
      { param: "type", reason: 'must be one of "limit"' },
    ],
    [
      "a malformed decimal",
      { instrument_name: "BTC-PERPETUAL", type: "limit", price: "1e5" },
      { param: "price", reason: 'must be a decimal string such as "50000" or "0.5"' },
    ],
    [
      "an unknown param",
      { instrument_name: "BTC-PERPETUAL", type: "limit", amount: "10" },
      { param: "amount", reason: "is not a param of private/close_position" },
    ],
  ])("answers -32602 with {param, reason} for %s", async (_, params, data) => {
    const reply = await send(
      rpc("private/close_position", { ...params, access_token: "alice-token" }),
    );
    expect(reply.error).toEqual({ code: -32602, message: "Invalid params", data });
  });

  it("accepts a decimal as a string or a JSON number", async () => {
    for (const price of ["50000.5", 50000.5]) {
      const reply = await send(
        rpc("private/close_position", {
          instrument_name: "BTC-PERPETUAL",
          type: "limit",
          price,
          access_token: "alice-token",
        }),
      );
      expect(reply.result.order.order_id).toBe("39005203453841408");
    }
  });

  it("answers -32603 without leaking, and reports the exception", async () => {
    onError.mockClear();
    const text = await dispatcher.handleText(JSON.stringify(rpc("public/boom")), testSession("ws"));
    expect(JSON.parse(text as string).error).toEqual({ code: -32603, message: "Internal error" });
    expect(text).not.toMatch(/secret|passwd|at /);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringContaining("secret") }),
      { method: "public/boom" },
    );
  });

  it("answers a handler's RpcError with its code, message and data", async () => {
    expect((await send(rpc("public/reject"))).error).toEqual({
      code: 10020,
      message: "invalid_or_unsupported_instrument",
      data: { instrument_name: "X" },
    });
  });

  it("answers a returned RpcError as that error, synchronously or resolved, without the hook", async () => {
    onError.mockClear();
    const rejection = new RpcError(11030, "other_reject", { reason: "no_open_position" });
    const byValue = createDispatcher({
      methods,
      validators,
      handlers: { ...handlers, test: () => rejection, slow: async () => rejection },
      auth,
      onError,
    });
    const sync = byValue.handleText(JSON.stringify(rpc("public/test")), testSession("ws"));
    expect(typeof sync).toBe("string");
    const error = { code: 11030, message: "other_reject", data: { reason: "no_open_position" } };
    expect(JSON.parse(sync as string).error).toEqual(error);
    const later = await byValue.handleText(
      JSON.stringify(rpc("public/slow", { ms: 1 })),
      testSession("ws"),
    );
    expect(JSON.parse(later as string).error).toEqual(error);
    expect(
      byValue.handleText(
        JSON.stringify({ ...rpc("public/test"), id: undefined }),
        testSession("ws"),
      ),
    ).toBeUndefined();
    expect(onError).not.toHaveBeenCalled();
  });

  it("serves handlers keyed by method name, called with this = the table", async () => {
    const table: Record<string, unknown> = {};
    for (const descriptor of Object.values(methods)) {
      table[descriptor.name] = (handlers as unknown as Record<string, unknown>)[descriptor.handler];
    }
    table["public/test"] = function (this: unknown) {
      return { version: this === table ? "by name" : "unbound" };
    };
    const byName = createDispatcher({ methods, validators, handlers: table, auth });
    const out = await byName.handleText(JSON.stringify(rpc("public/test")), testSession("ws"));
    expect(JSON.parse(out as string).result).toEqual({ version: "by name" });
    const echo = await byName.handleText(
      JSON.stringify(rpc("/public/echo", { count: 1 })),
      testSession("ws"),
    );
    expect(JSON.parse(echo as string).result).toEqual({ count: 1 });
  });

  it("answers asynchronous handlers", async () => {
    expect((await send(rpc("public/slow", { ms: 1 }))).result).toEqual({
      slept: 1,
      aborted: false,
    });
  });
});

describe("createDispatcher auth", () => {
  const close = (extra = {}) =>
    rpc("private/close_position", { instrument_name: "BTC-PERPETUAL", type: "limit", ...extra });

  it("lets public methods through without credentials", async () => {
    expect((await send(rpc("public/test"), testSession("http"))).result).toBeDefined();
  });

  it("answers 10000 for a private method without credentials", async () => {
    expect((await send(close(), testSession("http"))).error).toEqual({
      code: 10000,
      message: "authorization_required",
    });
  });

  it("answers the hook's 13009 for bad credentials", async () => {
    expect((await send(close(), testSession("http", bearer("nope")))).error).toMatchObject({
      code: 13009,
      data: { reason: "unknown token" },
    });
    expect((await send(close({ access_token: "nope" }))).error).toMatchObject({ code: 13009 });
    const basic: Credentials = { scheme: "basic", clientId: "alice-id", clientSecret: "wrong" };
    expect((await send(close(), testSession("http", basic))).error).toMatchObject({
      code: 13009,
      data: { reason: "bad secret" },
    });
  });

  it("answers 13403 when the scope is missing; read_write implies read", async () => {
    expect((await send(close(), testSession("http", bearer("reader-token")))).error).toEqual({
      code: 13403,
      message: "scope_exceeded",
      data: {
        reason:
          "private/close_position needs scope trade:read_write, but the credentials grant trade:read",
        required_scope: "trade:read_write",
      },
    });
    const read = rpc("private/get_position", { instrument_name: "BTC-PERPETUAL" });
    expect((await send(read, testSession("http", bearer("reader-token")))).result.account).toBe(2);
    expect((await send(read, testSession("http", bearer("alice-token")))).result.account).toBe(1);
  });

  it("prefers the header to the access_token param and passes the principal", async () => {
    const reply = await send(
      rpc("private/get_position", { instrument_name: "X", access_token: "alice-token" }),
      testSession("http", bearer("reader-token")),
    );
    expect(reply.result.account).toBe(2);
  });

  it("prefers an access_token param to the WebSocket connection's principal", async () => {
    const session = testSession("ws");
    session.principal = { accountId: 7, scopes: ["trade:read_write"] };
    expect((await send(close(), session)).result.account).toBe(7);
    expect((await send(close({ access_token: "alice-token" }), session)).result.account).toBe(1);
    expect((await send(close({ access_token: "nope" }), session)).error.code).toBe(13009);
  });

  it("uses a WebSocket connection's principal after authenticateConnection", async () => {
    const session = testSession("ws");
    expect((await send(close(), session)).error.code).toBe(10000);
    expect(
      (await send(rpc("public/auth", { access_token: "alice-token" }), session)).result,
    ).toEqual({ token_type: "bearer", transport: "ws" });
    expect((await send(close(), session)).result.account).toBe(1);
    expect((await send(close(), testSession("ws"))).error.code).toBe(10000);
  });

  it("drops a revoked connection principal on a public call too", async () => {
    const session = testSession("ws");
    session.principal = { accountId: 7, scopes: ["trade:read_write"], revoked: false };
    await send(rpc("public/test", {}), session);
    expect(session.principal).toBeDefined();
    session.principal = { accountId: 7, scopes: ["trade:read_write"], revoked: true };
    await send(rpc("public/test", {}), session);
    expect(session.principal).toBeUndefined();
  });

  it("waits for an asynchronous hook and counts the call in flight", async () => {
    const session = testSession("http", {
      scheme: "deri-hmac-sha256",
      id: "x",
      ts: "1",
      nonce: "n",
      sig: "bad",
      httpMethod: "GET",
      uri: "/",
      body: "",
    });
    const out = dispatcher.handleText(JSON.stringify(close()), session);
    expect(out).toBeInstanceOf(Promise);
    expect(JSON.parse((await out) as string).error).toMatchObject({
      code: 13009,
      data: { reason: "bad signature" },
    });
  });

  it("answers 10066 above the in-flight limit and counts down", async () => {
    const session = testSession("ws", undefined, 2);
    const slow = [
      send(rpc("public/slow", { ms: 20 }, 1), session),
      send(rpc("public/slow", { ms: 20 }, 2), session),
    ];
    expect(session.inFlight).toBe(2);
    expect(dispatcher.pending.count).toBe(2);
    expect((await send(rpc("public/slow", { ms: 1 }, 3), session)).error).toEqual({
      code: 10066,
      message: "too_many_concurrent_requests",
      data: { limit: 2 },
    });
    expect((await send(rpc("public/test", {}, 4), session)).error.code).toBe(10066);
    await Promise.all(slow);
    expect(session.inFlight).toBe(0);
    expect((await send(rpc("public/test", {}, 5), session)).result).toBeDefined();
  });

  it("refuses to start without a handler, a validator or an auth hook", () => {
    expect(() => createDispatcher({ methods, validators, handlers: {}, auth })).toThrow(
      /handlers.test \(public\/test\) is not a function/,
    );
    expect(() => createDispatcher({ methods, validators: {}, handlers, auth })).toThrow(
      /no params validator for public\/test/,
    );
    expect(() => createDispatcher({ methods, validators, handlers })).toThrow(
      /private\/close_position is private/,
    );
  });
});
