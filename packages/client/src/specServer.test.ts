import { clientSignatureStringToSign, httpStringToSign } from "@unwind/protocol";
import { RpcError as ServerRpcError } from "@unwind/server";
import { methodErrors } from "@unwind/spec";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createClient } from "./createClient.js";
import {
  AuthorizationRequiredError,
  errorClasses,
  InvalidParamsError,
  methods,
  OtherRejectError,
  UnauthorizedError,
} from "./generated/index.js";
import { AbortedError } from "./runtime/AbortedError.js";
import { hmacHex } from "./runtime/authServer.test-helpers.js";
import { ConnectionClosedError } from "./runtime/ConnectionClosedError.js";
import type { ClientOptions } from "./runtime/createBaseClient.js";
import { ResultValidationError } from "./runtime/ResultValidationError.js";
import { RpcError } from "./runtime/RpcError.js";
import {
  clientMethods,
  exampleResult,
  openrpc,
  SPEC_SECRETS,
  type SpecServer,
  startSpecServer,
} from "./runtime/specServer.test-helpers.js";
import { TimeoutError } from "./runtime/TimeoutError.js";
import { TransportError } from "./runtime/TransportError.js";
import { rejection } from "./runtime/wireServer.test-helpers.js";

let server: SpecServer;
type ConnectionEvent = Parameters<NonNullable<ClientOptions["onConnectionEvent"]>>[0];
const clients: { close(): Promise<void> }[] = [];
const trader = { clientId: "trader-a", clientSecret: SPEC_SECRETS["trader-a"]! };
const clientFor = (options: Partial<ClientOptions>) => {
  const client = createClient({ url: server.url, validateResults: true, ...options });
  clients.push(client);
  return client;
};
const exampleParams = (method: (typeof openrpc.methods)[number]) => {
  const example = (
    method.examples as { params: { name: string; value: unknown }[]; result?: unknown }[]
  ).find((e) => e.result)!;
  return Object.fromEntries(example.params.map((p) => [p.name, p.value]));
};
/** Every declared error of a method, with the `data` of its spec example when there is one. */
const declaredErrors = (method: (typeof openrpc.methods)[number]) =>
  methodErrors(openrpc as any, method).map((error) => {
    const example = (method.examples as { "x-error"?: { code: number; data?: unknown } }[]).find(
      (e) => e["x-error"]?.code === error.code,
    );
    return { ...error, data: example?.["x-error"]?.data };
  });

beforeAll(async () => {
  server = await startSpecServer();
});
beforeEach(() => {
  server.seen.length = 0;
  server.calls.length = 0;
  server.override = {};
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(() => server.close());

const transports = [
  { name: "ws", options: { transport: "ws" } },
  { name: "http POST", options: { transport: "http" } },
  { name: "http GET", options: { transport: "http", httpMethod: "GET" } },
] as const satisfies { name: string; options: Partial<ClientOptions> }[];

describe.each(transports)("against @unwind/server over $name", ({ options }) => {
  test("every method: the spec example's params arrive by name and the example result comes back, validated", async () => {
    const client = clientFor({ ...options, auth: trader });
    const session = await client.authenticate();
    expect(session).toMatchObject({ tokenType: "bearer", scope: "trade:read_write" });
    for (const method of clientMethods.filter((m) => m.name !== "public/auth")) {
      const params = exampleParams(method);
      const key = methods[method.name as keyof typeof methods].key;
      const result = await (client[key as keyof typeof client] as (p: object) => Promise<unknown>)(
        params,
      );
      expect(result, method.name).toEqual(exampleResult(method.name));
      const call = server.calls.findLast((c) => c.method === method.name)!;
      if ((options as Partial<ClientOptions>).httpMethod !== "GET")
        expect(call.params, method.name).toEqual(params);
      if (method["x-auth"]?.private)
        expect(call.principal?.accountId, method.name).toBe("trader-a");
    }
  });

  test("error mapping: a handler throws each declared error of each method; the client raises an RpcError with its code, message and data", async () => {
    const client = clientFor({ ...options, auth: trader });
    let checked = 0;
    for (const method of clientMethods.filter((m) => m.name !== "public/auth")) {
      for (const declared of declaredErrors(method)) {
        server.override[method.name] = () => {
          throw new ServerRpcError(declared.code, declared.message, declared.data);
        };
        const key = methods[method.name as keyof typeof methods].key;
        const call = client[key as keyof typeof client] as (p: object) => Promise<unknown>;
        const error = await rejection(call(exampleParams(method)));
        const Class = errorClasses[declared.code as keyof typeof errorClasses];
        expect(error, `${method.name} ${declared.code}`).toBeInstanceOf(Class);
        expect(error.constructor).toBe(Class);
        expect(error.constructor.code).toBe(declared.code);
        expect(error).toBeInstanceOf(RpcError);
        expect(error).not.toBeInstanceOf(TransportError);
        expect(error).toMatchObject({
          code: declared.code,
          rpcMessage: declared.message,
          data: declared.data,
          method: method.name,
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  test("no credentials on a private method: 10000 from the server; bad ones: 13009", async () => {
    const anonymous = clientFor(options);
    expect(
      await rejection(anonymous.getPosition({ instrument_name: "BTC-PERPETUAL" })),
    ).toBeInstanceOf(AuthorizationRequiredError);
    const wrong = clientFor({ ...options, auth: { ...trader, clientSecret: "nope" } });
    expect(await rejection(wrong.getPosition({ instrument_name: "BTC-PERPETUAL" }))).toBeInstanceOf(
      UnauthorizedError,
    );
  });

  test("the server's own params check: -32602 with data {param, reason}", async () => {
    const client = clientFor({ ...options, auth: trader });
    const error = await rejection(
      client.request("private/close_position", {
        instrument_name: "BTC-PERPETUAL",
        // @ts-expect-error "market" is no close_position type: the server's own check is under test
        type: "market",
      }),
    );
    expect(error).toBeInstanceOf(InvalidParamsError);
    expect(error).toMatchObject({ code: -32602, data: { param: "type" } });
  });

  test("typed methods: closePosition resolves with the result; a rejection is the declared class", async () => {
    const client = clientFor({ ...options, auth: trader });
    const { order } = await client.closePosition({
      instrument_name: "BTC-PERPETUAL",
      type: "limit",
    });
    expect(order.order_id).toBe("39005203453841408");
    server.override["private/close_position"] = () => {
      throw new ServerRpcError(11030, "other_reject", { reason: "no_open_position" });
    };
    const error = await rejection(
      client.closePosition({ instrument_name: "BTC-PERPETUAL", type: "limit" }),
    );
    expect(error).toBeInstanceOf(OtherRejectError);
    expect(error.data).toEqual({ reason: "no_open_position" });
    expect(error.name).toBe("OtherRejectError");
  });

  test("validateResults: a result that breaks the spec's schema rejects with ResultValidationError", async () => {
    server.override["private/close_position"] = () => ({ order: { order_id: 42 } });
    const client = clientFor({ ...options, auth: trader });
    const error = await rejection(
      client.request("private/close_position", { instrument_name: "BTC-PERPETUAL", type: "limit" }),
    );
    expect(error).toBeInstanceOf(ResultValidationError);
    expect(error.problems).toContain("/order/order_id");
  });

  test("timeout and abort", async () => {
    let inHandler = () => {};
    server.override["public/test"] = () => {
      inHandler();
      return new Promise((resolve) => setTimeout(() => resolve({ version: "late" }), 300));
    };
    const client = clientFor(options);
    expect(await rejection(client.request("public/test", {}, { timeoutMs: 30 }))).toBeInstanceOf(
      TimeoutError,
    );
    const controller = new AbortController();
    const arrived = new Promise<void>((resolve) => (inHandler = resolve));
    const pending = rejection(client.request("public/test", {}, { signal: controller.signal }));
    await arrived; // aborted while the server works on it
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortedError);
  });

  test("timing: usIn/usOut/usDiff from the server and rttMs from the client", async () => {
    const client = clientFor(options);
    const response = await client.withResponse.getTime();
    expect(response.result).toBe(exampleResult("public/get_time"));
    expect(String(response.usIn)).toMatch(/^\d{16}$/);
    expect(response.usDiff).toBe(response.usOut - response.usIn);
    expect(response.testnet).toBe(false);
    expect(response.rttMs).toBeGreaterThan(0);
  });
});

describe("HTTP auth forms as @unwind/server parses them", () => {
  test("client_credentials and client_signature grants, then Bearer", async () => {
    for (const grant of ["client_credentials", "client_signature"] as const) {
      const client = clientFor({ auth: { ...trader, grant } });
      await client.request("private/get_position", { instrument_name: "BTC-PERPETUAL" });
      const auth = server.calls.findLast((c) => c.method === "public/auth")!.params;
      expect(auth.grant_type).toBe(grant);
      if (grant === "client_signature") {
        expect(auth.signature).toBe(
          hmacHex(
            trader.clientSecret,
            clientSignatureStringToSign(
              String(auth.timestamp),
              String(auth.nonce),
              String(auth.data),
            ),
          ),
        );
      }
      expect(server.seen.at(-1)).toEqual({
        scheme: "bearer",
        token: client.session!.accessToken,
        source: "header",
      });
    }
  });

  test("basic", async () => {
    const client = clientFor({ auth: { ...trader, http: "basic" } });
    await client.request("private/get_position", { instrument_name: "BTC-PERPETUAL" });
    expect(server.seen).toEqual([
      { scheme: "basic", clientId: "trader-a", clientSecret: "secret-a" },
    ]);
  });

  for (const httpMethod of ["POST", "GET"] as const) {
    test(`deri-hmac-sha256 over ${httpMethod}: the signature the server received verifies here`, async () => {
      const client = clientFor({ auth: { ...trader, http: "hmac" }, httpMethod });
      await client.request("private/get_position", { instrument_name: "BTC-PERPETUAL" });
      await client.request("private/get_position", { instrument_name: "BTC-PERPETUAL" });
      expect(server.seen).toHaveLength(2);
      for (const seen of server.seen) {
        if (seen.scheme !== "deri-hmac-sha256") throw new Error(`unexpected ${seen.scheme}`);
        expect(seen.httpMethod).toBe(httpMethod);
        expect(seen.uri).toBe(
          httpMethod === "GET"
            ? "/api/v2/private/get_position?instrument_name=BTC-PERPETUAL"
            : "/api/v2",
        );
        expect(seen.sig).toBe(
          hmacHex(
            trader.clientSecret,
            httpStringToSign(seen.ts, seen.nonce, httpMethod, seen.uri, seen.body),
          ),
        );
      }
      const [a, b] = server.seen as { nonce: string }[];
      expect(a!.nonce).not.toBe(b!.nonce);
    });
  }
});

describe("WebSocket reconnect against @unwind/server", () => {
  test("the server restarts: the call in flight fails with ConnectionClosedError; the client reconnects with backoff and re-authenticates", async () => {
    const first = await startSpecServer();
    const port = first.port;
    // The client's connection events, and a wait for the n-th of a type (no fixed sleeps).
    const events: ConnectionEvent[] = [];
    const watchers = new Set<() => void>();
    const count = (type: ConnectionEvent["type"]) => events.filter((e) => e.type === type).length;
    const reached = (type: ConnectionEvent["type"], n: number) =>
      new Promise<void>((resolve) => {
        const watch = () => {
          if (count(type) < n) return;
          watchers.delete(watch);
          resolve();
        };
        watchers.add(watch);
        watch();
      });
    const client = createClient({
      wsUrl: first.wsUrl,
      auth: trader,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
      onConnectionEvent: (event) => {
        events.push(event);
        for (const watch of watchers) watch();
      },
    });
    clients.push(client);
    await client.request("private/get_position", { instrument_name: "BTC-PERPETUAL" });
    const before = client.session!.accessToken;
    let inHandler = () => {};
    const arrived = new Promise<void>((resolve) => (inHandler = resolve));
    first.override["public/test"] = () => {
      inHandler();
      return new Promise(() => {});
    };
    const inFlight = rejection(client.request("public/test", {}));
    await arrived;
    const closing = first.close();
    const error = await inFlight;
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error).not.toBeInstanceOf(RpcError);
    await closing;
    // a few failed attempts while nothing listens: the third reconnect follows two failures
    await reached("reconnect", count("reconnect") + 3);
    const second = await startSpecServer({ port });
    try {
      // A call that joins an attempt begun before the server came back fails with it (calls do
      // not wait across failed attempts); the client's next attempt connects.
      let position: unknown;
      for (let tries = 0; ; tries++) {
        const opened = count("open");
        try {
          position = await client.request("private/get_position", {
            instrument_name: "BTC-PERPETUAL",
          });
          break;
        } catch (error) {
          if (!(error instanceof ConnectionClosedError) || tries >= 20) throw error;
          await reached("open", opened + 1); // the client's own next attempt connected
        }
      }
      expect(position).toEqual(exampleResult("private/get_position"));
      expect(second.calls.map((c) => c.method)).toEqual(["public/auth", "private/get_position"]);
      expect(client.session!.accessToken).not.toBe(before);
    } finally {
      await client.close();
      await second.close();
    }
  });
});
