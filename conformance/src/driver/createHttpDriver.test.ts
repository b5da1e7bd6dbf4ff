import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpDriver } from "./createHttpDriver.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/**
 * A keep-alive HTTP server that answers the first request of each connection and drops the
 * connection, unanswered, when a second request comes on it: the moment a server closing an idle
 * connection meets a request going out on it.
 */
async function closesReusedConnections(): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    connections++;
    sockets.push(socket);
    let answered = false;
    let text = "";
    socket.on("data", (data) => {
      if (answered) {
        setTimeout(() => socket.destroy(), 5);
        return;
      }
      text += data.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
      if (text.length < end + 4 + length) return;
      answered = true;
      const body = '{"jsonrpc":"2.0","id":1,"result":"ok"}';
      socket.write(
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: keep-alive\r\n\r\n${body}`,
      );
    });
    socket.on("error", () => {});
  });
  server.on("close", () => {
    for (const s of sockets) s.destroy();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, connections: () => connections };
}

describe("createHttpDriver", () => {
  it("sends a request again on a new connection when its kept-alive one closed unanswered", async () => {
    const server = await closesReusedConnections();
    const http = createHttpDriver({ baseUrl: server.url });
    const first = await http.call("public/test");
    // Idle for a moment, so that the pool hands the second request the first one's connection.
    await new Promise((r) => setTimeout(r, 20));
    const second = await http.call("public/test");
    expect([first.error, first.status]).toEqual([undefined, 200]);
    expect([second.error, second.status]).toEqual([undefined, 200]);
    expect(second.response).toMatchObject({ result: "ok" });
    expect(server.connections()).toBe(2);
  });
});
