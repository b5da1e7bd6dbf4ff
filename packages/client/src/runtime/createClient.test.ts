import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addChannels } from "./channelServer.test-helpers.js";
import { createClient } from "./createClient.js";
import { deribitAuth } from "./deribitAuth.js";
import { notify } from "./notify.js";
import { RpcError } from "./RpcError.js";
import type { CallOptions, Transport } from "./Transport.js";
import {
  rejection,
  startWireServer,
  WireError,
  type WireServer,
} from "./wireServer.test-helpers.js";

// A method table as the generator writes one for another document: by-position params, a
// notification (no result), one declared error.
class NegativeError extends RpcError {
  static override readonly code = 4001;
  override readonly name: string = "NegativeError";
}
const errorClasses = { 4001: NegativeError };
function createMethods(transport: Transport) {
  return {
    add: (params: { a: number; b: number }, options?: CallOptions) =>
      transport.request("math_add", [params.a, params.b], options) as Promise<number>,
    log: (params: { line: string }, options?: CallOptions) =>
      notify(transport, "log_line", [params.line], options),
  };
}

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer({
    math_add: ({ params }) => {
      const [a, b] = params as unknown as number[];
      if (a! < 0) throw new WireError(4001, "negative", { a });
      return a! + b!;
    },
    log_line: () => null,
    "public/auth": () => ({ access_token: "tok", expires_in: 900, refresh_token: "r" }),
    "private/whoami": ({ headers }) => headers?.authorization ?? "none",
    "public/whoami": ({ headers }) => headers?.authorization ?? "none",
    "private/open": ({ headers }) => headers?.authorization ?? "none",
  });
});
afterAll(() => server.close());

describe.each(["http", "ws"] as const)("generic createClient over %s", (transport) => {
  const options = () => ({ url: server.url, wsUrl: server.wsUrl, transport });

  test("calls the table's methods at the URL given, by position, with typed errors", async () => {
    const client = createClient({ methods: createMethods, errorClasses, ...options() });
    try {
      expect(await client.add({ a: 2, b: 3 })).toBe(5);
      expect(server.requests.at(-1)).toMatchObject({ method: "math_add", params: [2, 3] });
      const error = await rejection(client.add({ a: -1, b: 0 }));
      expect(error).toBeInstanceOf(NegativeError);
      expect(error).toMatchObject({ code: 4001, data: { a: -1 } });
      expect((await client.withResponse.add({ a: 1, b: 1 })).result).toBe(2);
      expect(await client.request("math_add", [4, 4])).toBe(8);
    } finally {
      await client.close();
    }
  });

  test("a method without a result goes out as a notification: no id, no answer awaited", async () => {
    const client = createClient({ methods: createMethods, errorClasses, ...options() });
    try {
      const before = server.requests.length;
      await expect(client.log({ line: "hello" })).resolves.toBeUndefined();
      await expect.poll(() => server.requests.length).toBe(before + 1);
      expect(server.requests.at(-1)).toMatchObject({ method: "log_line", params: ["hello"] });
      expect(server.requests.at(-1)!.id).toBeUndefined();
    } finally {
      await client.close();
    }
  });
});

// Which methods are private is the generated table's `auth` (x-auth), whatever the names say.
const authTable = {
  "private/whoami": { auth: { private: true } },
  "public/whoami": { auth: { private: true } },
  "private/open": { auth: { private: false } },
};

test("auth hooks are optional plug-ins: deribitAuth logs in and sends the bearer token", async () => {
  const http = createClient({
    methods: createMethods,
    url: server.url,
    auth: deribitAuth({ clientId: "id", clientSecret: "secret" }, authTable),
  });
  expect(await http.request("private/whoami")).toBe("Bearer tok");
  const plain = createClient({ methods: createMethods, url: server.url });
  expect(await plain.request("private/whoami")).toBe("none");
  const ws = createClient({
    methods: createMethods,
    wsUrl: server.wsUrl,
    auth: deribitAuth({ clientId: "id", clientSecret: "secret" }, authTable),
  });
  try {
    await ws.add({ a: 1, b: 2 });
    const methods = server.requests.filter((r) => r.transport === "ws").map((r) => r.method);
    expect(methods.slice(-2)).toEqual(["public/auth", "math_add"]);
  } finally {
    await ws.close();
  }
});

test("deribitAuth sends the token where the method table says private, not where the name does", async () => {
  const http = createClient({
    methods: createMethods,
    url: server.url,
    auth: deribitAuth({ clientId: "id", clientSecret: "secret" }, authTable),
  });
  expect(await http.request("public/whoami")).toBe("Bearer tok");
  expect(await http.request("private/open")).toBe("none");
});

describe("generic createClient: subscribe", () => {
  test("over WebSocket: iterates a channel's notifications; over HTTP: a TypeError", async () => {
    const wire = addChannels(server);
    const ws = createClient({ methods: createMethods, wsUrl: server.wsUrl });
    const http = createClient({ methods: createMethods, url: server.url });
    try {
      const book = ws.subscribe("book.BTC-PERPETUAL.raw");
      await book.ready();
      wire.publish("book.BTC-PERPETUAL.raw", { change_id: 1 });
      for await (const data of book) {
        expect(data).toEqual({ change_id: 1 });
        break;
      }
      expect(server.requests.at(-1)!.method).toBe("public/unsubscribe");
      expect(() => http.subscribe("book.BTC-PERPETUAL.raw")).toThrow(
        /needs the WebSocket transport/,
      );
      await http.unsubscribeAll();
    } finally {
      await ws.close();
      await http.close();
    }
  });
});
