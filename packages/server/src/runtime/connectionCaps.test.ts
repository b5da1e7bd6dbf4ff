import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createServer, type RunningServer } from "../createServer.js";
import { auth, handlers, methods, validators } from "./fixtureApi.test-helpers.js";
import { http } from "./sockets.test-helpers.js";

/** Opens a WebSocket, or reports the HTTP answer that refused the upgrade. */
function open(
  url: string,
  localAddress = "127.0.0.1",
): Promise<{ ws: WebSocket } | { status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
    ws.once("open", () => resolve({ ws }));
    ws.once("unexpected-response", (_req, res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    ws.once("error", reject);
  });
}

function call(ws: WebSocket, id: number): Promise<any> {
  return new Promise((resolve) => {
    ws.on("message", (data: Buffer) => {
      const answer = JSON.parse(data.toString());
      if (answer.id === id) resolve(answer);
    });
    ws.send(JSON.stringify({ jsonrpc: "2.0", id, method: "public/test" }));
  });
}

let server: RunningServer | undefined;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await server?.close();
});

const start = (limits: { maxConnections: number; maxConnectionsPerAddress: number }) =>
  createServer({ methods, validators, handlers, auth, onError: () => {}, limits });

describe("connection caps", () => {
  it("refuses the 1,005th idle connection from one address with 429, while another address is served", async () => {
    server = await start({ maxConnections: 5000, maxConnectionsPerAddress: 1004 });
    for (let batch = 0; batch < 1004; batch += 100) {
      const opened = await Promise.all(
        Array.from({ length: Math.min(100, 1004 - batch) }, () => open(server!.wsUrl)),
      );
      for (const o of opened) {
        expect("ws" in o).toBe(true);
        if ("ws" in o) sockets.push(o.ws);
      }
    }
    const refused = await open(server.wsUrl);
    expect(refused).toEqual({
      status: 429,
      body: {
        error: "too_many_connections",
        message:
          "127.0.0.1 has 1004 open connections, the limit per client address. Close one first",
        cap: "per_address",
        limit: 1004,
      },
    });
    const other = await open(server.wsUrl, "127.0.0.2");
    expect("ws" in other).toBe(true);
    if (!("ws" in other)) return;
    sockets.push(other.ws);
    expect((await call(other.ws, 1)).result).toEqual({ version: "1.2.26" });
    // Closing one frees its place.
    const gone = new Promise((resolve) => sockets[0]!.once("close", resolve));
    sockets[0]!.close();
    await gone;
    await expect.poll(async () => "ws" in (await open(server!.wsUrl))).toBe(true);
  });

  it("refuses any connection over the total cap with 503, HTTP included", async () => {
    server = await start({ maxConnections: 2, maxConnectionsPerAddress: 10 });
    for (const address of ["127.0.0.1", "127.0.0.2"]) {
      const o = await open(server.wsUrl, address);
      if ("ws" in o) sockets.push(o.ws);
    }
    expect(await open(server.wsUrl, "127.0.0.3")).toMatchObject({
      status: 503,
      body: { error: "too_many_connections", cap: "total", limit: 2 },
    });
    const post = await http(server.url, { method: "POST", body: "{}" });
    expect([post.status, post.json.cap]).toEqual([503, "total"]);
  });
});
