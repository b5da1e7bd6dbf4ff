import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { createServer } from "../createServer.js";
import type { ChannelHub } from "../runtime/ChannelHub.js";
import { subscriptionHandlers } from "../runtime/subscriptionHandlers.js";
import { auth, closeResult, handlers, methods, validators } from "./benchApi.bench.js";

/** A server under benchmark: where it listens, and how to stop it. */
export interface BenchServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Each server the benchmarks compare, listening on 127.0.0.1 and a free port. */
export const servers: Record<string, () => Promise<BenchServer>> = {
  /** @unwind/server: the full dispatcher, HTTP and WebSocket on one port. */
  async unwind() {
    const server = await createServer({ methods, validators, handlers, auth });
    return { port: server.port, close: async () => void (await server.close()) };
  },

  /**
   * @unwind/server answering `public/test` the way close_position answers (its result is a
   * close_position result, an order and two trades) and publishing those trades on
   * `trades.BTC-PERPETUAL.raw` on every call: the fan-out cost rides on each request.
   */
  async unwindClose() {
    const server = await createServer({
      methods,
      validators,
      handlers: {
        // The transport serves the subscription methods (the shared stubs would answer `{}`).
        ...Object.fromEntries(
          Object.entries(handlers).filter(([key]) => !(key in subscriptionHandlers)),
        ),
        test(_params: unknown, context: { channels?: ChannelHub }) {
          context.channels!.publish("trades.BTC-PERPETUAL.raw", closeResult.trades);
          return closeResult;
        },
      },
      auth,
    });
    return { port: server.port, close: async () => void (await server.close()) };
  },

  /** The same server, to which the benchmark subscribes 100 connections before it measures. */
  async unwindClose100() {
    return servers.unwindClose!();
  },

  /** A bare `ws` server that parses each message and echoes it as JSON. */
  async bareWs() {
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    wss.on("connection", (ws) => {
      ws.on("message", (data: Buffer) => ws.send(JSON.stringify(JSON.parse(data.toString()))));
    });
    await new Promise((resolve) => wss.once("listening", resolve));
    return {
      port: (wss.address() as AddressInfo).port,
      close: () => new Promise((resolve) => wss.close(() => resolve())),
    };
  },

  /** The bare echo with the one trick @unwind/server uses: a tick's answers leave in one write. */
  async bareWsCorked() {
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    wss.on("connection", (ws, req) => {
      const socket = req.socket;
      let corked = false;
      const uncork = () => {
        corked = false;
        socket.uncork();
      };
      ws.on("message", (data: Buffer) => {
        if (!corked) {
          corked = true;
          socket.cork();
          process.nextTick(uncork);
        }
        ws.send(JSON.stringify(JSON.parse(data.toString())));
      });
    });
    await new Promise((resolve) => wss.once("listening", resolve));
    return {
      port: (wss.address() as AddressInfo).port,
      close: () => new Promise((resolve) => wss.close(() => resolve())),
    };
  },

  /** A bare `node:http` server that reads the body, parses it and echoes it as JSON. */
  async bareHttp() {
    const server = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const out = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString()));
        res.writeHead(200, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(out),
        });
        res.end(out);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
      port: (server.address() as AddressInfo).port,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  },

  /** `@open-rpc/server-js` serving `public/test` over its WebSocket transport. */
  async openRpc() {
    const document = {
      openrpc: "1.2.6",
      info: { title: "bench", version: "1.0.0" },
      methods: [
        {
          name: "public/test",
          paramStructure: "by-name",
          params: [{ name: "expected_result", schema: { type: "string" } }],
          result: { name: "version", schema: { type: "object" } },
        },
      ],
    };
    // Loaded here only: the other servers' processes should not carry its module graph.
    const { default: serverJs } = await import("@open-rpc/server-js");
    const server = new serverJs.Server({
      openrpcDocument: document as never,
      methodMapping: { "public/test": async () => handlers["test"]!({}) },
    });
    const transport = new serverJs.transports.WebSocketTransport({ port: 0, middleware: [] });
    server.addTransport(transport);
    // Its start() listens on every interface; listen on loopback like the others.
    const http = (transport as unknown as { server: import("node:http").Server }).server;
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    return {
      port: (http.address() as AddressInfo).port,
      close: () => new Promise((resolve) => http.close(() => resolve())),
    };
  },
};
