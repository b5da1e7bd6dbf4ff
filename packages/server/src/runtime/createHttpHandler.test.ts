import { createHmac } from "node:crypto";
import { httpStringToSign } from "@unwind/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type RunningServer } from "../createServer.js";
import { auth, handlers, methods, validators } from "./fixtureApi.test-helpers.js";
import { http, postJson } from "./sockets.test-helpers.js";

let server: RunningServer;
let base: string;
beforeAll(async () => {
  server = await createServer({
    methods,
    validators,
    handlers,
    auth,
    onError: () => {},
    limits: { maxBodyBytes: 1024 },
  });
  base = server.url.slice(0, -"/api/v2".length);
});
afterAll(() => server.close());

const closeParams = { instrument_name: "BTC-PERPETUAL", type: "limit", price: "50000" };

describe("HTTP POST /api/v2", () => {
  it("answers a JSON-RPC request in a 200 body with the envelope", async () => {
    const answer = await postJson(server.url, {
      jsonrpc: "2.0",
      id: "a1",
      method: "public/test",
      params: {},
    });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.json).toMatchObject({
      jsonrpc: "2.0",
      id: "a1",
      result: { version: "1.2.26" },
      testnet: false,
    });
    expect(answer.json.usDiff).toBe(answer.json.usOut - answer.json.usIn);
    expect(Number.isInteger(answer.json.usIn)).toBe(true);
  });

  it("accepts a body without a content type", async () => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "/public/test" });
    expect((await http(server.url, { method: "POST", body })).json.result).toEqual({
      version: "1.2.26",
    });
  });

  it("answers JSON-RPC errors in a 200 body", async () => {
    const parse = await postJson(server.url, "{oops");
    expect([parse.status, parse.json.error.code, parse.json.id]).toEqual([200, -32700, null]);
    const batch = await postJson(server.url, [{ jsonrpc: "2.0", id: 1, method: "public/test" }]);
    expect([batch.status, batch.json.error]).toEqual([
      200,
      {
        code: -32600,
        message: "Invalid Request",
        data: { reason: "batch requests are not supported" },
      },
    ]);
    const unknown = await postJson(server.url, { jsonrpc: "2.0", id: 2, method: "public/nope" });
    expect(unknown.json.error).toEqual({
      code: -32601,
      message: "Method not found",
      data: { method: "public/nope" },
    });
  });

  it("never echoes an object id, whatever escapes spell a second id key", async () => {
    const hidden = '{"jsonrpc":"2.0","id":{"a":1},"\\u0069d":1.5,"method":"public/test"}';
    const echoed = await postJson(server.url, hidden);
    expect(echoed.text.startsWith('{"jsonrpc":"2.0","id":1.5,"result":')).toBe(true);
    const object = '{"jsonrpc":"2.0","id":1.5,"\\u0069d":{"a":1},"method":"public/test"}';
    expect((await postJson(server.url, object)).json).toMatchObject({
      id: null,
      error: { code: -32600, data: { reason: "id must be a string, a number or null" } },
    });
  });

  it("answers a notification with 204 and no body", async () => {
    const answer = await postJson(server.url, { jsonrpc: "2.0", method: "public/test" });
    expect([answer.status, answer.text]).toEqual([204, ""]);
  });
});

describe("HTTP GET|POST /api/v2/{method}", () => {
  it("coerces query values by each param's kind", async () => {
    const query =
      "flag=true&count=-42&ratio=0.25&price=50000.5&filter=%7B%22a%22%3A1%7D&name=x%20y";
    const answer = await http(`${base}/api/v2/public/echo?${query}`);
    expect(answer.status).toBe(200);
    expect(answer.json.result).toEqual({
      flag: true,
      count: -42,
      ratio: 0.25,
      price: "50000.5",
      filter: { a: 1 },
      name: "x y",
    });
    expect(answer.json.id).toBeNull();
    expect(answer.json.usDiff).toBe(answer.json.usOut - answer.json.usIn);
  });

  it.each([
    ["flag=yes", { param: "flag", reason: "must be boolean" }],
    ["count=1.5", { param: "count", reason: "must be integer" }],
    ["price=1e5", { param: "price", reason: 'must be a decimal string such as "50000" or "0.5"' }],
    ["filter=%7Bnope", { param: "filter", reason: "must be object" }],
    ["colour=red", { param: "colour", reason: "is not a param of public/echo" }],
    ["__proto__=%7B%7D", { param: "__proto__", reason: "is not a param of public/echo" }],
  ])("answers -32602 for a query value that does not coerce: %s", async (query, data) => {
    expect((await http(`${base}/api/v2/public/echo?${query}`)).json.error).toEqual({
      code: -32602,
      message: "Invalid params",
      data,
    });
  });

  it("serves a private method with GET and a Bearer header, scheme case-insensitive", async () => {
    const query = new URLSearchParams(closeParams).toString();
    const answer = await http(`${base}/api/v2/private/close_position?${query}`, {
      headers: { authorization: "bEaReR alice-token" },
    });
    expect(answer.json.result.order.order_id).toBe("39005203453841408");
    expect(answer.json.result.account).toBe(1);
  });

  it("takes the JSON body of a per-method POST as the params", async () => {
    const answer = await postJson(`${base}/api/v2/private/close_position`, {
      ...closeParams,
      access_token: "alice-token",
    });
    expect(answer.json.result.params).toEqual({ ...closeParams, access_token: "alice-token" });
    expect((await postJson(`${base}/api/v2/public/test`, "")).json.result).toEqual({
      version: "1.2.26",
    });
    expect((await postJson(`${base}/api/v2/public/test`, ["x"])).json.error.data).toEqual({
      param: "params",
      reason: "params must be an object (by name)",
    });
    expect((await postJson(`${base}/api/v2/public/test`, "{bad")).json.error.code).toBe(-32700);
  });

  it("takes a per-method POST's params from the query string when the body is empty, and refuses both or a JSON-RPC body with -32600", async () => {
    const path = `${base}/api/v2/private/get_position`;
    const query = "instrument_name=BTC-PERPETUAL&access_token=alice-token";
    const fromQuery = await http(`${path}?${query}`, { method: "POST" });
    expect(fromQuery.json).toMatchObject({ id: null, result: { account: 1 } });
    const both = await postJson(`${path}?${query}`, { instrument_name: "BTC-PERPETUAL" });
    expect(both.json).toMatchObject({
      id: null,
      error: { code: -32600, message: "Invalid Request" },
    });
    expect(both.json.error.data.reason).toMatch(/both the query string and the body/);
    const rpc = await postJson(path, {
      jsonrpc: "2.0",
      id: 7,
      method: "private/get_position",
      params: { instrument_name: "BTC-PERPETUAL", access_token: "alice-token" },
    });
    expect([rpc.status, rpc.json.id, rpc.json.error.code]).toEqual([200, null, -32600]);
    expect(rpc.json.error.data.reason).toMatch(/send JSON-RPC requests to POST \/api\/v2$/);
  });

  it("answers -32601 for an unknown method path, and accepts a double slash", async () => {
    expect((await http(`${base}/api/v2/public/nope`)).json.error.code).toBe(-32601);
    expect((await http(`${base}/api/v2//public/test`)).json.result).toEqual({ version: "1.2.26" });
  });
});

describe("HTTP auth", () => {
  const url = () => `${base}/api/v2/private/close_position?${new URLSearchParams(closeParams)}`;
  it.each([
    ["no credentials", {}, { code: 10000, message: "authorization_required" }],
    [
      "an unknown token",
      { authorization: "Bearer nope" },
      { code: 13009, message: "unauthorized", data: { reason: "unknown token" } },
    ],
    [
      "an unknown scheme",
      { authorization: "Digest abc" },
      {
        code: 13009,
        message: "unauthorized",
        data: {
          reason:
            'unsupported Authorization scheme "digest". Expected Bearer, Basic or deri-hmac-sha256',
        },
      },
    ],
    [
      "bad base64",
      { authorization: "Basic %%%" },
      {
        code: 13009,
        message: "unauthorized",
        data: {
          reason: "could not parse the Basic credentials. Expected base64(client_id:client_secret)",
        },
      },
    ],
    [
      "a wrong secret",
      { authorization: `Basic ${Buffer.from("alice-id:nope").toString("base64")}` },
      { code: 13009, message: "unauthorized", data: { reason: "bad secret" } },
    ],
    [
      "a reader's token",
      { authorization: "Bearer reader-token" },
      {
        code: 13403,
        message: "scope_exceeded",
        data: {
          reason:
            "private/close_position needs scope trade:read_write, but the credentials grant trade:read",
          required_scope: "trade:read_write",
        },
      },
    ],
  ])("answers %s", async (_, headers, error) => {
    expect((await http(url(), { headers })).json.error).toEqual(error);
  });

  it("accepts Basic credentials", async () => {
    const authorization = `basic ${Buffer.from("alice-id:alice-secret").toString("base64")}`;
    expect((await http(url(), { headers: { authorization } })).json.result.account).toBe(1);
  });

  it("accepts a deri-hmac-sha256 signature over method, path with query and body, fields in any order", async () => {
    const body = JSON.stringify({
      jsonrpc: "2.0",
      id: 9,
      method: "private/get_position",
      params: { instrument_name: "BTC-PERPETUAL" },
    });
    const ts = String(Date.now());
    const sig = createHmac("sha256", "alice-secret")
      .update(httpStringToSign(ts, "abc", "POST", "/api/v2?x=1", body))
      .digest("hex");
    const headers = {
      "content-type": "application/json",
      authorization: `deri-hmac-sha256 sig=${sig},nonce=abc, ts=${ts},id=alice-id`,
    };
    const answer = await http(`${server.url}?x=1`, { method: "POST", body, headers });
    expect(answer.json.result).toMatchObject({ account: 1, instrument_name: "BTC-PERPETUAL" });
    const tampered = await http(`${server.url}?x=2`, { method: "POST", body, headers });
    expect(tampered.json.error).toMatchObject({ code: 13009, data: { reason: "bad signature" } });
  });
});

describe("HTTP transport faults", () => {
  it("answers 404 for an unknown path", async () => {
    const answer = await http(`${base}/api/v3`);
    expect([answer.status, answer.json.error]).toEqual([404, "not_found"]);
  });

  it("answers 405 with Allow for a wrong HTTP method", async () => {
    const get = await http(server.url);
    expect([get.status, get.headers.allow, get.json.error]).toEqual([
      405,
      "POST",
      "method_not_allowed",
    ]);
    const put = await http(`${base}/api/v2/public/test`, { method: "PUT", body: "{}" });
    expect([put.status, put.headers.allow]).toEqual([405, "GET, POST"]);
  });

  it("answers 413 with the limit for a body too large, declared or chunked", async () => {
    const big = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "public/test",
      params: { expected_result: "x".repeat(2000) },
    });
    const declared = await postJson(server.url, big);
    expect([declared.status, declared.json]).toEqual([
      413,
      {
        error: "payload_too_large",
        message: "request body is larger than the limit of 1024 bytes",
        limit: 1024,
      },
    ]);
    const chunked = await http(server.url, {
      method: "POST",
      body: big,
      headers: { "transfer-encoding": "chunked" },
    });
    expect([chunked.status, chunked.json.limit]).toEqual([413, 1024]);
  });

  it("answers 415 for a POST that is not JSON", async () => {
    const answer = await http(server.url, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "text/plain" },
    });
    expect([answer.status, answer.json.error]).toEqual([415, "unsupported_media_type"]);
    const vendor = await http(server.url, {
      method: "POST",
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "public/test" }),
      headers: { "content-type": "application/vnd.api+json; charset=utf-8" },
    });
    expect(vendor.status).toBe(200);
  });

  it("answers 426 for a plain GET of the WebSocket path", async () => {
    expect((await http(`${base}/ws/api/v2`)).status).toBe(426);
  });
});
