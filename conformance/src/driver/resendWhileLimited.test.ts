import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startReferenceServer } from "@unwind/reference";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpDriver } from "./createHttpDriver.js";
import { createWsDriver } from "./createWsDriver.js";
import type { Exchange } from "./Exchange.js";

let server: Awaited<ReturnType<typeof startReferenceServer>>;
beforeAll(async () => {
  // Two requests a second, per HTTP client address and per WebSocket connection.
  server = await startReferenceServer({
    port: 0,
    log: () => {},
    limits: { maxRequestsPerSecond: 2 },
  });
});
afterAll(() => server.close());

const codes = (list: Exchange[]) =>
  list.map((e) => (e.response as { error?: { code: number } }).error?.code ?? "result");

describe("resendWhileLimited", () => {
  it("sends a request answered 10028 again until the server's rate limit lets it through", async () => {
    const http = createHttpDriver({ baseUrl: server.url });
    const seen: Exchange[] = [];
    const ws = await createWsDriver({ url: server.wsUrl, onExchange: (e) => seen.push(e) });
    const answers: Exchange[] = [];
    for (let i = 0; i < 4; i++) answers.push(await http.call("public/get_time"));
    for (let i = 0; i < 4; i++) answers.push(await ws.call("public/get_time"));
    await ws.close();
    expect(codes(answers)).toEqual(Array(8).fill("result"));
    // The refused attempts are traffic too.
    expect(codes(seen)).toContain(10028);
  });

  it("stops resending on a driver once a request was still refused after 3 s", async () => {
    let hits = 0;
    const refusing = createServer((req, res) => {
      hits++;
      req.resume();
      res
        .writeHead(200, { "content-type": "application/json" })
        .end('{"jsonrpc":"2.0","id":1,"error":{"code":10028,"message":"too_many_requests"}}');
    });
    await new Promise<void>((r) => refusing.listen(0, "127.0.0.1", r));
    const http = createHttpDriver({
      baseUrl: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`,
    });
    await http.call("public/get_time");
    const first = hits;
    await http.call("public/get_time");
    refusing.close();
    expect(first).toBeGreaterThan(1);
    expect(hits - first).toBe(1);
  });
});
