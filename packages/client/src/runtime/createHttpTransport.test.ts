import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AbortedError } from "./AbortedError.js";
import { createHttpTransport } from "./createHttpTransport.js";
import { HttpStatusError } from "./HttpStatusError.js";
import { InvalidResponseError } from "./InvalidResponseError.js";
import { RpcError } from "./RpcError.js";
import { TimeoutError } from "./TimeoutError.js";
import { TransportError } from "./TransportError.js";
import {
  rejection,
  startWireServer,
  WireError,
  type WireServer,
} from "./wireServer.test-helpers.js";

class OtherReject extends RpcError {
  static override readonly code = 11030;
  override name = "OtherReject";
}

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer({
    "public/test": () => ({ version: "1.2.26" }),
    "public/echo": (r) => ({ params: r.params, target: r.target, httpMethod: r.httpMethod }),
    "private/close_position": () => {
      throw new WireError(11030, "other_reject", { reason: "no_open_position" });
    },
    "public/slow": () => new Promise((resolve) => setTimeout(() => resolve("late"), 300)),
  });
});
afterAll(() => server.close());

describe("createHttpTransport", () => {
  test("POSTs a JSON-RPC request to the endpoint and resolves with the result", async () => {
    const transport = createHttpTransport({ url: server.url });
    expect(await transport.request("public/test", {})).toEqual({ version: "1.2.26" });
    const received = server.requests.at(-1)!;
    expect(received.httpMethod).toBe("POST");
    expect(received.target).toBe("/api/v2");
    expect(received.headers?.["content-type"]).toBe("application/json");
    expect(JSON.parse(received.body!)).toMatchObject({
      jsonrpc: "2.0",
      method: "public/test",
      params: {},
    });
  });

  test("GET form: /api/v2/{method} with the params in the query", async () => {
    const transport = createHttpTransport({ url: server.url, httpMethod: "GET" });
    const result = await transport.request("public/echo", {
      instrument_name: "BTC-PERPETUAL",
      price: "50000.5",
      post_only: true,
      amount: 10,
    });
    expect(result).toEqual({
      params: {
        instrument_name: "BTC-PERPETUAL",
        price: "50000.5",
        post_only: "true",
        amount: "10",
      },
      target:
        "/api/v2/public/echo?instrument_name=BTC-PERPETUAL&price=50000.5&post_only=true&amount=10",
      httpMethod: "GET",
    });
  });

  test("send() resolves with the envelope and the measured round trip", async () => {
    const transport = createHttpTransport({ url: server.url });
    const seen: unknown[] = [];
    const response = await transport.send("public/test", {}, { onResponse: (r) => seen.push(r) });
    expect(response.result).toEqual({ version: "1.2.26" });
    expect(response.usDiff).toBe(response.usOut - response.usIn);
    expect(String(response.usIn)).toHaveLength(16);
    expect(response.testnet).toBe(true);
    expect(response.rttMs).toBeGreaterThan(0);
    expect(seen).toEqual([response]);
  });

  test("a JSON-RPC error becomes the class registered for its code, with method and data", async () => {
    const transport = createHttpTransport({
      url: server.url,
      errorClasses: { 11030: OtherReject },
    });
    const error = await rejection(
      transport.request("private/close_position", { instrument_name: "BTC-PERPETUAL" }),
    );
    expect(error).toBeInstanceOf(OtherReject);
    expect(error).toBeInstanceOf(RpcError);
    expect(error).not.toBeInstanceOf(TransportError);
    expect(error).toMatchObject({
      code: 11030,
      rpcMessage: "other_reject",
      data: { reason: "no_open_position" },
      method: "private/close_position",
    });
  });

  test("an unknown code stays a plain RpcError", async () => {
    const transport = createHttpTransport({ url: server.url });
    const error = await rejection(transport.request("public/nope", {}));
    expect(error.constructor).toBe(RpcError);
    expect(error.code).toBe(-32601);
  });

  test("HTTP status without a JSON-RPC body -> HttpStatusError; with one -> the RpcError, status as cause", async () => {
    server.http = (req, res) => {
      if (req.url === "/api/v2/public/teapot") {
        res.writeHead(503).end("overloaded");
        return true;
      }
      if (req.url === "/api/v2/public/deribit400") {
        res.writeHead(400, { "content-type": "application/json" }).end(
          JSON.stringify({
            jsonrpc: "2.0",
            id: null,
            error: { code: 10000, message: "authorization_required" },
          }),
        );
        return true;
      }
      return false;
    };
    const transport = createHttpTransport({ url: server.url, httpMethod: "GET" });
    const status = await rejection(transport.request("public/teapot", {}));
    expect(status).toBeInstanceOf(HttpStatusError);
    expect(status).toMatchObject({ status: 503, body: "overloaded", method: "public/teapot" });
    const rpc = await rejection(transport.request("public/deribit400", {}));
    expect(rpc).toBeInstanceOf(RpcError);
    expect(rpc.code).toBe(10000);
    expect(rpc.cause).toBeInstanceOf(HttpStatusError);
    const missing = await rejection(
      createHttpTransport({ url: `${server.origin}/nowhere` }).request("public/test", {}),
    );
    expect(missing).toBeInstanceOf(HttpStatusError);
    expect(missing.status).toBe(404);
    server.http = undefined;
  });

  test("a body that is not JSON, or neither result nor error -> InvalidResponseError", async () => {
    server.http = (req, res) => {
      res
        .writeHead(200)
        .end(
          req.url === "/api/v2/public/garbage"
            ? "<html>"
            : JSON.stringify({ jsonrpc: "2.0", id: null }),
        );
      return true;
    };
    const transport = createHttpTransport({ url: server.url, httpMethod: "GET" });
    const garbage = await rejection(transport.request("public/garbage", {}));
    expect(garbage).toBeInstanceOf(InvalidResponseError);
    expect(garbage.body).toBe("<html>");
    expect(await rejection(transport.request("public/empty", {}))).toBeInstanceOf(
      InvalidResponseError,
    );
    server.http = undefined;
  });

  test("timeout -> TimeoutError", async () => {
    const transport = createHttpTransport({ url: server.url, timeoutMs: 50 });
    const error = await rejection(transport.request("public/slow", {}));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50, method: "public/slow" });
  });

  test("abort -> AbortedError with the signal's reason as cause", async () => {
    const transport = createHttpTransport({ url: server.url });
    const controller = new AbortController();
    const slowCalls = server.requests.filter((r) => r.method === "public/slow").length;
    const arrived = server.received(
      (requests) => requests.filter((r) => r.method === "public/slow").length > slowCalls,
    );
    const pending = transport.request("public/slow", {}, { signal: controller.signal });
    void arrived.then(() => controller.abort(new Error("user left")));
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(AbortedError);
    expect((error.cause as Error).message).toBe("user left");
    const already = await rejection(
      transport.request("public/test", {}, { signal: AbortSignal.abort() }),
    );
    expect(already).toBeInstanceOf(AbortedError);
  });

  test("nothing listening -> TransportError with the network error as cause", async () => {
    const transport = createHttpTransport({ url: "http://127.0.0.1:9/api/v2" });
    const error = await rejection(transport.request("public/test", {}));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).not.toBeInstanceOf(RpcError);
    expect(error.cause).toBeDefined();
  });
});
