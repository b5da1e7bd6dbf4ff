import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type RunningServer } from "../createServer.js";
import { auth, handlers, methods, validators } from "./fixtureApi.test-helpers.js";
import { rawHttp } from "./rawHttp.test-helpers.js";

let server: RunningServer;
beforeAll(async () => {
  server = await createServer({
    methods,
    validators,
    handlers,
    auth,
    onError: () => {},
    limits: { maxBodyBytes: 1024, httpBodyTimeoutMs: 300 },
  });
});
afterAll(() => server.close());

const tooLarge = {
  error: "payload_too_large",
  message: "request body is larger than the limit of 1024 bytes",
  limit: 1024,
};

/** Writes `chunk` as fast as the socket takes it until `stop()` or the socket closes. */
function stream(socket: Socket, chunk: Buffer | string, stop: () => boolean): void {
  const pump = () => {
    while (!socket.destroyed && socket.writable && !stop()) {
      if (!socket.write(chunk)) {
        socket.once("drain", pump);
        return;
      }
    }
    if (!socket.destroyed && socket.writable) socket.end();
  };
  pump();
}

const complete = (received: () => string) => () => received().includes('"limit":1024}');

describe("HTTP body over the limit", () => {
  it("answers 413 without 100 Continue to a declared body with Expect: 100-continue", async () => {
    const head =
      "POST /api/v2 HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n" +
      "content-length: 50000000\r\nexpect: 100-continue\r\n\r\n";
    // A client that waits for 100 Continue, then uploads.
    const exchange = await rawHttp(server.port, head, (socket, received) => {
      socket.on("data", () => {
        if (received().startsWith("HTTP/1.1 100")) {
          stream(socket, Buffer.alloc(64 * 1024, 120), complete(received));
        }
      });
    });
    expect(exchange.text.startsWith("HTTP/1.1 413 ")).toBe(true);
    expect(exchange.response?.headers.connection).toBe("close");
    expect(JSON.parse(exchange.response!.body)).toEqual(tooLarge);
    expect(exchange.error).toBeUndefined();
  });

  it("answers a complete 413 to a declared body that is sent without waiting, then closes cleanly", async () => {
    const head =
      "POST /api/v2 HTTP/1.1\r\nhost: x\r\ncontent-length: 50000000\r\nexpect: 100-continue\r\n\r\n";
    const exchange = await rawHttp(server.port, head, (socket, received) =>
      stream(socket, Buffer.alloc(64 * 1024, 120), complete(received)),
    );
    expect(exchange.response?.status).toBe(413);
    expect(JSON.parse(exchange.response!.body)).toEqual(tooLarge);
    expect(exchange.error).toBeUndefined();
  });

  it("answers a complete 413 to a chunked body that passes the limit mid-way, then closes cleanly", async () => {
    const head =
      "POST /api/v2 HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n" +
      "transfer-encoding: chunked\r\n\r\n";
    const data = "x".repeat(16 * 1024);
    const chunk = `${data.length.toString(16)}\r\n${data}\r\n`;
    const exchange = await rawHttp(server.port, head, (socket, received) =>
      stream(socket, chunk, complete(received)),
    );
    expect(exchange.text.startsWith("HTTP/1.1 413 ")).toBe(true);
    expect(exchange.response?.headers.connection).toBe("close");
    expect(JSON.parse(exchange.response!.body)).toEqual(tooLarge);
    expect(exchange.error).toBeUndefined();
  });

  it("sends 100 Continue for a body within the limit, and answers it", async () => {
    const body = '{"jsonrpc":"2.0","id":1,"method":"public/test"}';
    const head =
      "POST /api/v2 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n" +
      `content-length: ${body.length}\r\nexpect: 100-continue\r\n\r\n`;
    const exchange = await rawHttp(server.port, head, (socket, received) => {
      socket.once("data", () => {
        if (received().startsWith("HTTP/1.1 100")) socket.write(body);
      });
    });
    expect(exchange.text.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 ")).toBe(true);
    expect(JSON.parse(exchange.response!.body).result).toEqual({ version: "1.2.26" });
  });
});

describe("HTTP body deadline", () => {
  it("answers 408 and closes when the body does not arrive within httpBodyTimeoutMs", async () => {
    const head = "POST /api/v2 HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n{";
    const exchange = await rawHttp(server.port, head);
    expect(exchange.response?.status).toBe(408);
    expect(exchange.response?.headers.connection).toBe("close");
    expect(JSON.parse(exchange.response!.body)).toEqual({
      error: "request_timeout",
      message: "request body not received within 300 ms",
      timeout_ms: 300,
    });
    expect(exchange.error).toBeUndefined();
  });
});
