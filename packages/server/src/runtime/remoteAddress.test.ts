import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createServer, type RunningServer } from "../createServer.js";
import type { Credentials } from "./Credentials.js";
import { auth, handlers, methods, validators } from "./fixtureApi.test-helpers.js";
import type { RequestContext } from "./RequestContext.js";
import type { ServerAuth } from "./ServerAuth.js";

// The whole of 127.0.0.0/8 is loopback: a client bound to 127.0.0.2 shows that the address is the
// socket's, not a constant.
const FROM = "127.0.0.2";
const seenByHook: (string | undefined)[] = [];
const hook: ServerAuth = {
  authenticate(credentials: Credentials, method, remoteAddress) {
    seenByHook.push(remoteAddress);
    return auth.authenticate(credentials, method);
  },
};
const reporting = {
  ...handlers,
  echo(_params: unknown, context: RequestContext) {
    return { remoteAddress: context.remoteAddress, transport: context.transport };
  },
};

let server: RunningServer;
beforeAll(async () => {
  server = await createServer({ methods, validators, handlers: reporting, auth: hook });
});
afterAll(() => server.close());

function post(body: unknown, headers: Record<string, string> = {}): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = request(
      server.url,
      {
        method: "POST",
        localAddress: FROM,
        agent: false,
        headers: { "content-type": "application/json", ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve(JSON.parse(text)));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

describe("the client's address", () => {
  it("reaches a handler's context over HTTP and the auth hook", async () => {
    const answer = await post({ jsonrpc: "2.0", id: 1, method: "public/echo", params: {} });
    expect(answer.result).toEqual({ remoteAddress: FROM, transport: "http" });
    seenByHook.length = 0;
    await post(
      {
        jsonrpc: "2.0",
        id: 2,
        method: "private/get_position",
        params: { instrument_name: "BTC-PERPETUAL" },
      },
      { authorization: "Bearer alice-token" },
    );
    expect(seenByHook).toEqual([FROM]);
  });

  it("reaches a handler's context over WebSocket", async () => {
    const ws = new WebSocket(server.wsUrl, { localAddress: FROM });
    await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
    const answer = new Promise<any>((resolve) =>
      ws.once("message", (data: Buffer) => resolve(JSON.parse(data.toString()))),
    );
    ws.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "public/echo", params: {} }));
    expect((await answer).result).toEqual({ remoteAddress: FROM, transport: "ws" });
    ws.close();
  });
});
