import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createHttpDriver } from "../driver/createHttpDriver.js";
import { benignServers } from "./benign.js";
import { exactJson } from "./exactJson.js";
import { startBrokenReference, type TestServer } from "./startBrokenReference.js";

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function start(name: string): Promise<TestServer> {
  const server = await startBrokenReference(benignServers.find((b) => b.name === name)!);
  servers.push(server);
  return server;
}

/** A raw HTTP/1.1 exchange, so that the framing itself is visible. */
async function rawHttp(url: string, body: string, headers: Record<string, string> = {}) {
  const { request } = await import("node:http");
  return new Promise<{ headers: Record<string, unknown>; body: Buffer; chunks: number }>(
    (resolve, reject) => {
      const req = request(
        `${url}/api/v2`,
        { method: "POST", headers: { "content-type": "application/json", ...headers } },
        (res) => {
          const parts: Buffer[] = [];
          res.on("data", (c: Buffer) => parts.push(c));
          res.on("end", () =>
            resolve({ headers: res.headers, body: Buffer.concat(parts), chunks: parts.length }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    },
  );
}

const TEST = '{"jsonrpc":"2.0","id":12345678901234567890,"method":"public/test","params":{}}';

describe("the benign servers really differ on the wire", () => {
  it("exactJson echoes an id beyond 2^53 digit for digit, in any layout", () => {
    const answer = { jsonrpc: "2.0", id: JSON.parse("12345678901234567890"), result: { a: 1 } };
    expect(exactJson(answer, TEST)).toBe(
      '{"jsonrpc":"2.0","id":12345678901234567890,"result":{"a":1}}',
    );
    expect(exactJson(answer, TEST, { reverseKeys: true })).toBe(
      '{"result":{"a":1},"id":12345678901234567890,"jsonrpc":"2.0"}',
    );
  });

  it("gzip, Connection: close, charset and split writes show in the HTTP answer", async () => {
    const gzipping = await start("gzip");
    const zipped = await rawHttp(gzipping.httpUrl, TEST, { "accept-encoding": "gzip" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(zipped.body).toString()).result.version).toBeTypeOf("string");
    const driver = createHttpDriver({ baseUrl: gzipping.httpUrl });
    const read = await driver.send(TEST);
    expect(read.requestHeaders?.["accept-encoding"]).toMatch(/gzip/);
    expect(read.responseText).toContain('"id":12345678901234567890');
    const closed = await rawHttp((await start("connection-close")).httpUrl, TEST);
    expect(closed.headers["connection"]).toBe("close");
    const charset = await rawHttp((await start("charset")).httpUrl, TEST);
    expect(charset.headers["content-type"]).toBe("application/json; charset=utf-8");
    const split = await rawHttp((await start("split-writes")).httpUrl, TEST);
    expect(split.headers["transfer-encoding"]).toBe("chunked");
    expect(split.chunks).toBeGreaterThan(1);
    expect(split.body.toString()).toContain('"id":12345678901234567890');
  });

  it("permessage-deflate is negotiated, pings come before answers, split answers arrive whole", async () => {
    const deflate = new WebSocket((await start("permessage-deflate")).wsUrl);
    await new Promise((resolve) => deflate.once("open", resolve));
    expect(deflate.extensions).toContain("permessage-deflate");
    deflate.close();

    const pinged = new WebSocket((await start("ws-pings")).wsUrl);
    await new Promise((resolve) => pinged.once("open", resolve));
    const events: string[] = [];
    pinged.on("ping", () => events.push("ping"));
    const answered = new Promise((resolve) => pinged.once("message", resolve));
    pinged.send(TEST);
    await answered;
    events.push("message");
    expect(events).toEqual(["ping", "message"]);
    pinged.close();
  });
});
