import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createServer, type RunningServer } from "../createServer.js";
import type { MethodDescriptor } from "./MethodDescriptor.js";

const param = (name: string, required = true) => ({ name, required, kind: "json" as const });
const method = (name: string, paramStructure?: MethodDescriptor["paramStructure"]) => ({
  name,
  handler: name,
  params: [param("a"), param("b", false)],
  auth: { private: false },
  matchingEngine: false,
  errors: [],
  ...(paramStructure ? { paramStructure } : {}),
});
const methods = {
  either: method("either", "either"),
  positional: method("positional", "by-position"),
  named: method("named", "by-name"),
  untold: method("untold"),
};
const validators = Object.fromEntries(Object.keys(methods).map((k) => [k, () => true]));
const echo = (params: unknown) => params;
const handlers = { either: echo, positional: echo, named: echo, untold: echo };

let server: RunningServer;
beforeAll(async () => {
  server = await createServer({ methods, validators, handlers, path: "/", wsPath: "/ws" });
});
afterAll(() => server.close());

async function call(name: string, params: unknown) {
  const res = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: name, params }),
  });
  return (await res.json()) as { result?: unknown; error?: { code: number; data?: unknown } };
}

describe("params by position", () => {
  test("either and by-position methods map an array to the names in declared order", async () => {
    expect((await call("either", [1, 2])).result).toEqual({ a: 1, b: 2 });
    expect((await call("positional", [1])).result).toEqual({ a: 1 });
    expect((await call("either", { a: 3 })).result).toEqual({ a: 3 });
  });

  test("more values than params is -32602 saying how many", async () => {
    expect((await call("either", [1, 2, 3])).error).toMatchObject({
      code: -32602,
      data: { param: "params", reason: "either takes at most 2 params by position, but got 3" },
    });
  });

  test("by-name methods (and tables that do not say) refuse arrays with -32602", async () => {
    for (const name of ["named", "untold"]) {
      expect((await call(name, [1])).error).toMatchObject({
        code: -32602,
        data: { reason: "params must be an object (by name)" },
      });
    }
  });

  test("the JSON-RPC path is configurable: / and /ws here, /api/v2 is then no route", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.wsUrl).toMatch(/\/ws$/);
    const res = await fetch(new URL("/api/v2", server.url), { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
  });

  test("a path that is not one is refused at start-up", async () => {
    await expect(createServer({ methods, validators, handlers, path: "rpc" })).rejects.toThrow(
      'path must be a path such as /api/v2, but got "rpc".',
    );
  });
});
