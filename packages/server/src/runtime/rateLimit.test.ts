import { afterEach, describe, expect, it } from "vitest";
import { createServer } from "../createServer.js";
import { auth, handlers, methods, validators } from "./fixtureApi.test-helpers.js";
import { connect, postJson } from "./sockets.test-helpers.js";

const rpc = (id: number) => ({ jsonrpc: "2.0", id, method: "public/test", params: {} });

let clock = 1_700_000_000_000;
let stop: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function start(maxRequestsPerSecond: number) {
  const server = await createServer({
    methods,
    validators,
    handlers,
    auth,
    onError: () => {},
    now: () => clock,
    limits: { maxRequestsPerSecond },
  });
  stop = () => server.close();
  return server;
}

describe("maxRequestsPerSecond", () => {
  it("answers a WebSocket connection's requests beyond the limit with 10028, per connection", async () => {
    const server = await start(3);
    const a = await connect(server.wsUrl);
    const b = await connect(server.wsUrl);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((id) => a.call(rpc(id))));
    expect(answers.map((m) => m.error?.code ?? "ok")).toEqual(["ok", "ok", "ok", 10028, 10028]);
    expect(answers[3].error).toEqual({
      code: 10028,
      message: "too_many_requests",
      data: { limit: 3 },
    });
    expect(answers[3].usDiff).toBeTypeOf("number");
    // Another connection has its own budget.
    expect((await b.call(rpc(6))).result).toBeDefined();
    // One second later the first connection has three more.
    clock += 1_000;
    const later = await Promise.all([7, 8, 9, 10].map((id) => a.call(rpc(id))));
    expect(later.map((m) => m.error?.code ?? "ok")).toEqual(["ok", "ok", "ok", 10028]);
    a.ws.close();
    b.ws.close();
  });

  it("limits HTTP requests per client address", async () => {
    const server = await start(2);
    const codes = [];
    for (let id = 1; id <= 3; id++) {
      const answer = await postJson(server.url, rpc(id));
      expect(answer.status).toBe(200);
      codes.push(answer.json.error?.code ?? "ok");
    }
    expect(codes).toEqual(["ok", "ok", 10028]);
    clock += 500;
    expect((await postJson(server.url, rpc(4))).json.result).toBeDefined();
  });

  it("is off by default", async () => {
    const server = await createServer({ methods, validators, handlers, auth, onError: () => {} });
    stop = () => server.close();
    const a = await connect(server.wsUrl);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => a.call(rpc(i + 1))));
    expect(answers.every((m) => m.result !== undefined)).toBe(true);
    a.ws.close();
  });
});
