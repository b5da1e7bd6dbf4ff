import { Agent, request } from "node:http";
import type { Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { benignServers } from "./benign.js";
import { startBrokenReference, type TestServer } from "./startBrokenReference.js";

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function start(name: string): Promise<TestServer> {
  const server = await startBrokenReference(benignServers.find((b) => b.name === name)!);
  servers.push(server);
  return server;
}

interface RawAnswer {
  status: number;
  statusMessage: string;
  headers: Record<string, unknown>;
  trailers: Record<string, unknown>;
  body: string;
  socket: Socket;
}

/** One HTTP/1.1 exchange with Node's own client, so that the framing itself is visible. */
function rawHttp(
  url: string,
  body: string,
  options: { contentType?: string; agent?: Agent } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/v2`,
      {
        method: "POST",
        headers: { "content-type": options.contentType ?? "application/json" },
        ...(options.agent ? { agent: options.agent } : {}),
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? "",
            headers: res.headers,
            trailers: res.trailers,
            body: Buffer.concat(parts).toString(),
            socket,
          }),
        );
      },
    );
    let socket: Socket;
    req.once("socket", (s) => {
      socket = s;
    });
    req.on("error", reject);
    req.end(body);
  });
}

const TEST = '{"jsonrpc":"2.0","id":7,"method":"public/test","params":{}}';
const NO_METHOD = '{"jsonrpc":"2.0","id":8,"method":"public/no/such","params":{}}';

describe("the further benign servers really differ on the wire", () => {
  it("close-delimited answers carry neither Content-Length nor chunks", async () => {
    const a = await rawHttp((await start("close-delimited")).httpUrl, TEST);
    expect([a.headers["content-length"], a.headers["transfer-encoding"]]).toEqual([
      undefined,
      undefined,
    ]);
    expect(a.headers["connection"]).toBe("close");
    expect(JSON.parse(a.body).id).toBe(7);
  });

  it("idle-close closes a kept-alive connection after an answer", async () => {
    const agent = new Agent({ keepAlive: true });
    const a = await rawHttp((await start("idle-close")).httpUrl, TEST, { agent });
    expect(a.headers["connection"]).toBe("keep-alive");
    await new Promise((resolve) => a.socket.once("close", resolve));
    agent.destroy();
  });

  it("trailers, reason phrases, HTML faults, header case and front headers show", async () => {
    const trailing = await rawHttp((await start("trailers")).httpUrl, TEST);
    expect(trailing.headers["transfer-encoding"]).toBe("chunked");
    expect(trailing.trailers["server-timing"]).toBe("app;dur=0.4");
    const phrased = await rawHttp((await start("reason-phrase")).httpUrl, TEST);
    expect(phrased.statusMessage).toBe("Success");
    const html = await rawHttp((await start("html-faults")).httpUrl, TEST, {
      contentType: "text/plain",
    });
    expect([html.status, html.headers["content-type"]]).toEqual([415, "text/html"]);
    expect(html.body).toContain("<h1>415</h1>");
    const cased = await rawHttp((await start("content-type-case")).httpUrl, TEST);
    expect(cased.headers["content-type"]).toBe("Application/JSON; Charset=UTF-8");
    const front = await rawHttp((await start("front-headers")).httpUrl, TEST);
    expect(front.headers["server"]).toBe("edge-7");
  });

  it("escaped slashes, exponent times and the whitespace around answers show in the text", async () => {
    const escaped = await rawHttp((await start("escaped-slashes")).httpUrl, NO_METHOD);
    expect(escaped.body).toContain("\\/");
    expect(escaped.body).not.toMatch(/[^\\]\//);
    const exponent = await rawHttp((await start("exponent-times")).httpUrl, TEST);
    expect(exponent.body).toMatch(/"usIn":[0-9.]+e\+15/);
    expect(Number.isSafeInteger(JSON.parse(exponent.body).usIn)).toBe(true);
    const leading = await rawHttp((await start("leading-whitespace")).httpUrl, TEST);
    expect(leading.body.startsWith(" \t\r\n{")).toBe(true);
    const trailing = await rawHttp((await start("trailing-newline")).httpUrl, TEST);
    expect(trailing.body.endsWith("}\n")).toBe(true);
  });

  it("deflate-no-context negotiates no context takeover", async () => {
    const ws = new WebSocket((await start("deflate-no-context")).wsUrl, {
      perMessageDeflate: { clientNoContextTakeover: true },
    });
    const upgrade = new Promise<string>((resolve) =>
      ws.once("upgrade", (res) => resolve(String(res.headers["sec-websocket-extensions"]))),
    );
    await new Promise((resolve) => ws.once("open", resolve));
    expect(await upgrade).toContain("server_no_context_takeover");
    ws.close();
  });
});
