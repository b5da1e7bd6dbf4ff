import { openrpc } from "@unwind/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type RunningServer } from "./createServer.js";
import type { Handlers } from "./generated/handlers.js";
import { methods } from "./generated/methods.js";
import { protocolErrors } from "./runtime/protocolErrors.js";
import type { Principal, RequestContext } from "./runtime/RequestContext.js";
import { RpcError } from "./runtime/RpcError.js";
import type { ServerAuth } from "./runtime/ServerAuth.js";
import { connect, http, postJson } from "./runtime/sockets.test-helpers.js";

/** End to end against the spec itself: the generated table and validators, stub handlers. */
interface Example {
  params: { name: string; value: unknown }[];
  result?: { value: unknown };
}
// The notifications the server sends (`x-sent-by: server`) are no methods a client calls.
const specMethods = (
  openrpc.methods as unknown as {
    name: string;
    examples: Example[];
    "x-auth"?: { private: boolean; scope?: string };
    "x-sent-by"?: string;
  }[]
).filter((m) => m["x-sent-by"] !== "server");
const success = (name: string) =>
  specMethods.find((m) => m.name === name)!.examples.find((e) => e.result)!;
const paramsOf = (example: Example) =>
  Object.fromEntries(example.params.map((p) => [p.name, p.value]));

const seen: { method: string; params: unknown; principal?: Principal }[] = [];
const handlers = Object.fromEntries(
  Object.values(methods).map((m) => [
    m.handler,
    (params: unknown, context: RequestContext) => {
      seen.push({ method: m.name, params, principal: context.principal });
      if (
        m.name === "public/test" &&
        (params as { expected_result?: string }).expected_result === "exception"
      ) {
        throw new Error("requested exception");
      }
      return success(m.name).result!.value;
    },
  ]),
) as unknown as Handlers;

const principals: Record<string, Principal> = {
  trader: { accountId: 1, scopes: ["trade:read_write"] },
  reader: { accountId: 2, scopes: ["trade:read"] },
};
const auth: ServerAuth = {
  authenticate: (credentials) =>
    (credentials.scheme === "bearer" && principals[credentials.token]) ||
    new RpcError(13009, "unauthorized"),
};

let server: RunningServer;
beforeAll(async () => {
  server = await createServer({ handlers, auth, onError: () => {} });
});
afterAll(() => server.close());

describe("createServer with the spec's generated table", () => {
  it("routes every method of the spec, and answers its first success example", async () => {
    const client = await connect(server.wsUrl);
    let id = 0;
    for (const method of specMethods) {
      const example = success(method.name);
      const params = method["x-auth"]?.private
        ? { ...paramsOf(example), access_token: "trader" }
        : paramsOf(example);
      const answer = await client.call({ jsonrpc: "2.0", id: ++id, method: method.name, params });
      expect(answer, method.name).toMatchObject({ id, result: example.result!.value });
    }
    expect(Object.keys(methods)).toEqual(specMethods.map((m) => m.name));
    client.ws.close();
  });

  it("enforces each method's x-auth", async () => {
    for (const method of specMethods) {
      const params = paramsOf(success(method.name));
      const bare = await postJson(server.url, {
        jsonrpc: "2.0",
        id: 1,
        method: method.name,
        params,
      });
      const auth = method["x-auth"];
      if (!auth?.private) {
        expect(bare.json.result, method.name).toBeDefined();
        continue;
      }
      expect(bare.json.error, method.name).toEqual({
        code: 10000,
        message: "authorization_required",
      });
      const read = await postJson(
        server.url,
        { jsonrpc: "2.0", id: 2, method: method.name, params },
        { authorization: "Bearer reader" },
      );
      if (auth.scope === "trade:read") expect(read.json.result, method.name).toBeDefined();
      else expect(read.json.error?.code, method.name).toBe(13403);
      const bad = await postJson(
        server.url,
        { jsonrpc: "2.0", id: 3, method: method.name, params },
        { authorization: "Bearer nope" },
      );
      expect(bad.json.error?.code, method.name).toBe(13009);
    }
  });

  it.each([
    [{ type: "limit" }, { param: "instrument_name", reason: "is required" }],
    [
      { instrument_name: "BTC-PERPETUAL", type: "market" },
      { param: "type", reason: 'must be one of "limit"' },
    ],
    [
      { instrument_name: 42, type: "limit" },
      { param: "instrument_name", reason: "must be string" },
    ],
    [
      { instrument_name: "BTC-PERPETUAL", type: "limit", price: "1,5" },
      { param: "price", reason: 'must be a decimal string such as "50000" or "0.5"' },
    ],
  ])("answers close_position %j with -32602 {param, reason}", async (params, data) => {
    const answer = await postJson(server.url, {
      jsonrpc: "2.0",
      id: 1,
      method: "private/close_position",
      params: { ...params, access_token: "trader" },
    });
    expect(answer.json.error).toEqual({ code: -32602, message: "Invalid params", data });
  });

  it("ignores a param the method does not declare, as the spec's Wire section says", async () => {
    expect(openrpc.info.description).toContain("params a method does not declare are ignored");
    const params = {
      instrument_name: "ETH-PERPETUAL",
      type: "limit",
      amount: "10",
      access_token: "trader",
    };
    const answer = await postJson(server.url, {
      jsonrpc: "2.0",
      id: 1,
      method: "private/close_position",
      params,
    });
    expect(answer.json.result).toEqual(success("private/close_position").result!.value);
    const get = await http(`${server.url}/public/get_time?currency=BTC`);
    expect(get.json.result).toEqual(success("public/get_time").result!.value);
  });

  it("coerces GET query values with the spec's param kinds", async () => {
    seen.length = 0;
    await http(`${server.url}/public/get_order_book?instrument_name=BTC-PERPETUAL&depth=5`);
    await http(`${server.url}/public/get_instruments?currency=BTC&expired=false`);
    const price = await http(
      `${server.url}/private/close_position?instrument_name=ETH-PERPETUAL&type=limit&price=145.15`,
      { headers: { authorization: "Bearer trader" } },
    );
    expect(price.json.result).toEqual(success("private/close_position").result!.value);
    expect(seen.map((s) => s.params)).toEqual([
      { instrument_name: "BTC-PERPETUAL", depth: 5 },
      { currency: "BTC", expired: false },
      { instrument_name: "ETH-PERPETUAL", type: "limit", price: "145.15" },
    ]);
    expect(seen[2]!.principal).toEqual(principals["trader"]);
    const depth = await http(
      `${server.url}/public/get_order_book?instrument_name=BTC-PERPETUAL&depth=deep`,
    );
    expect(depth.json.error).toMatchObject({ code: -32602, data: { param: "depth" } });
  });

  it("answers a handler exception with -32603 and nothing of it", async () => {
    const answer = await postJson(server.url, {
      jsonrpc: "2.0",
      id: 1,
      method: "/public/test",
      params: { expected_result: "exception" },
    });
    expect(answer.json.error).toEqual({ code: -32603, message: "Internal error" });
  });

  it("answers with the codes and messages the spec declares", () => {
    const declared = Object.values(openrpc.components?.errors ?? {}) as {
      code: number;
      message: string;
    }[];
    for (const error of Object.values(protocolErrors)) expect(declared).toContainEqual(error);
  });
});
