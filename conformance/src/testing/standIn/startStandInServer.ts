import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import type { Accounts } from "../../core/Accounts.js";
import { loadEngine } from "../loadEngine.js";
import { createStandInDispatcher, type Origin } from "./createStandInDispatcher.js";
import type { Defect } from "./Defect.js";
import { StandInAuth } from "./StandInAuth.js";

/** A running stand-in server. */
export interface StandInServer {
  httpUrl: string;
  wsUrl: string;
  accounts: Accounts;
  close(): Promise<void>;
}

/** The stand-in's two test accounts. */
export const standInAccounts: Accounts = {
  maker: { id: "maker", secret: "maker-secret" },
  taker: { id: "taker", secret: "taker-secret" },
};

function coerce(schemaType: unknown, value: string): unknown {
  if (schemaType === "integer" || schemaType === "number")
    return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (schemaType === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

/**
 * Starts the stand-in server on 127.0.0.1 (a free port): the engine behind a small JSON-RPC
 * layer written from the spec, with HTTP (`POST /api/v2`, `GET|POST /api/v2/{method}`) and
 * WebSocket (`/ws/api/v2`). The suite's own tests run against it, and against it with one
 * defect, until `@unwind/reference` can be used instead.
 *
 * @example
 * const server = await startStandInServer();
 * await runSuite({ target: server, accounts: server.accounts });
 * await server.close();
 */
export async function startStandInServer(
  options: { defect?: Defect } = {},
): Promise<StandInServer> {
  const { Engine } = await loadEngine();
  const engine = new Engine({
    accounts: [
      { id: 1, username: "maker", balances: { BTC: "1000", ETH: "10000" } },
      { id: 2, username: "taker", balances: { BTC: "1000", ETH: "10000" } },
    ],
  });
  const auth = new StandInAuth(
    [
      { clientId: standInAccounts.maker.id, secret: standInAccounts.maker.secret, accountId: 1 },
      { clientId: standInAccounts.taker.id, secret: standInAccounts.taker.secret, accountId: 2 },
    ],
    options.defect?.auth,
  );
  const dispatcher = createStandInDispatcher(engine, auth, options.defect);

  const reply = (res: ServerResponse, status: number, body?: unknown) => {
    if (body === undefined) {
      res.writeHead(status === 200 ? 204 : status).end();
      return;
    }
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://x");
      const origin: Origin = { http: { method: req.method ?? "GET", path: req.url ?? "/", body } };
      if (req.headers.authorization !== undefined) origin.authorization = req.headers.authorization;
      if (url.pathname === "/api/v2") {
        if (req.method !== "POST") return reply(res, 405, { error: "method not allowed" });
        return reply(res, 200, dispatcher.handleText(body, origin));
      }
      if (url.pathname.startsWith("/api/v2/")) {
        const name = decodeURIComponent(url.pathname.slice("/api/v2/".length));
        const m = dispatcher.method(name);
        if (m === undefined) return reply(res, 404, { error: "not found" });
        let params: Record<string, unknown> = {};
        if (req.method === "GET") {
          for (const [k, v] of url.searchParams) {
            const p = (
              m.params as { name: string; schema: { type?: unknown; $ref?: string } }[]
            ).find((x) => x.name === k);
            params[k] = coerce(p?.schema.type, v);
          }
        } else if (req.method === "POST") {
          try {
            params = body === "" ? {} : JSON.parse(body);
          } catch {
            return reply(res, 200, dispatcher.handleText(body, origin));
          }
        } else return reply(res, 405, { error: "method not allowed" });
        return reply(res, 200, dispatcher.callMethod(name, params, origin));
      }
      reply(res, 404, { error: "not found" });
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://x").pathname !== "/ws/api/v2") {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const origin: Origin = { session: {} };
      ws.on("message", (data) => {
        const answer = dispatcher.handleText(data.toString(), origin);
        if (answer !== undefined) ws.send(JSON.stringify(answer));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws/api/v2`,
    accounts: standInAccounts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
