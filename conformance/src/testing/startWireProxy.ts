import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as pause } from "node:timers/promises";
import WebSocket, { WebSocketServer } from "ws";
import type { Target } from "../core/Target.js";
import type { Defect, ProxiedRequest, ProxyConnection, WsProxyConnection } from "./WireDefect.js";

/** The longest an answer waits for the frames queued before it (a batch's own answers). */
const BATCH_WAIT_MS = 50;

function readRequest(text: string): ProxiedRequest & { id?: unknown; hasId: boolean } {
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    if (o === null || typeof o !== "object" || Array.isArray(o)) return { hasId: false };
    const out: ProxiedRequest & { id?: unknown; hasId: boolean } = {
      hasId: "id" in o,
      id: o["id"],
      params: o["params"],
    };
    if (typeof o["method"] === "string") out.method = o["method"].replace(/^\//, "");
    return out;
  } catch {
    return { hasId: false };
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Keeps a client's subscribed channels in step with the (un)subscribe answers it got. */
function trackChannels(channels: Set<string>, method: string | undefined, result: unknown): void {
  if (method === undefined) return;
  if (/^(public|private)\/unsubscribe_all$/.test(method) && result === "ok") channels.clear();
  else if (!Array.isArray(result)) return;
  else if (/^(public|private)\/subscribe$/.test(method))
    for (const c of result) channels.add(String(c));
  else if (/^(public|private)\/unsubscribe$/.test(method))
    for (const c of result) channels.delete(String(c));
}

/**
 * A proxy in front of a server that applies a defect's wire-level hooks: request rewriting,
 * message handling (batches, notifications) and answer rewriting, over HTTP and WebSocket, and
 * the defect's framing of the answers (`Framing`).
 */
export async function startWireProxy(
  upstream: Target,
  defect: Omit<Defect, "caughtBy">,
  makerToken: string,
) {
  const rewrite = (answer: unknown, request: ProxiedRequest) =>
    defect.response && answer !== null && typeof answer === "object" && !Array.isArray(answer)
      ? defect.response(answer as Record<string, unknown>, request)
      : answer;
  const framing = defect.framing;
  const serialize = (answer: unknown, request: string): string =>
    framing?.serialize ? framing.serialize(answer, request) : JSON.stringify(answer);

  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const received = {
      httpMethod: req.method ?? "GET",
      url: req.url ?? "/",
      headers: {} as Record<string, string>,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === "string" && !["host", "content-length", "connection"].includes(k))
        received.headers[k] = v;
    }
    const { url, headers, body } = defect.http ? defect.http(received) : received;
    const connection: ProxyConnection = {
      transport: "http",
      authenticated: "authorization" in headers,
      makerToken,
    };
    let status = 200;
    let contentType = "application/json";
    const forward = async (text: string): Promise<unknown> => {
      const sent = defect.request ? defect.request(text, connection) : text;
      const init: RequestInit = {
        method: req.method ?? "GET",
        headers: defect.headers ? defect.headers(headers) : headers,
      };
      // An empty string body would make fetch add `content-type: text/plain`.
      if (req.method !== "GET" && req.method !== "HEAD" && sent !== "") init.body = sent;
      const up = await fetch(upstream.httpUrl + url, init);
      status = up.status;
      contentType = up.headers.get("content-type") ?? contentType;
      const answer = await up.text();
      if (answer === "") return undefined;
      const json = parse(answer);
      return json === undefined ? answer : rewrite(json, readRequest(sent));
    };
    const answer = defect.message ? await defect.message(body, forward) : await forward(body);
    if (answer === undefined) res.writeHead(status === 200 ? 204 : status).end();
    else {
      const text = typeof answer === "string" ? answer : serialize(answer, body);
      const out = { status, headers: { "content-type": contentType }, body: text };
      if (defect.httpWriter) defect.httpWriter(res, status, contentType, text);
      else if (framing?.writeHttp) framing.writeHttp(out, res, req);
      else res.writeHead(out.status, out.headers).end(out.body);
    }
  });

  const wss = new WebSocketServer({ ...framing?.wsServer, noServer: true });
  const clients = new Set<WsProxyConnection>();
  server.on("upgrade", (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (client) => {
      const up = new WebSocket(upstream.wsUrl);
      const opened = new Promise<void>((resolve) => up.once("open", () => resolve()));
      const connection: ProxyConnection = { transport: "ws", authenticated: false, makerToken };
      // Each answer comes with the frames queued before it (notifications held behind earlier
      // answers): it is written after them, so pipelined calls keep the upstream order.
      const waiting = new Map<unknown, (answer: unknown, before: Promise<void>) => void>();
      // Frames go to the client in the order they came from upstream: a notification that came
      // after an answer waits until that answer (rewritten by the defect) is written.
      let tail: Promise<void> = Promise.resolve();
      // Answers not yet written and notifications queued behind them: while none, a
      // notification goes out at once (a chain of microtasks would let the answer overtake it).
      let pending = 0;
      const releases: (() => void)[] = [];
      const sendText = (out: string) => {
        if (client.readyState !== client.OPEN) return;
        if (framing?.sendWs) framing.sendWs(client, out);
        else client.send(out);
      };
      const view: WsProxyConnection = {
        send: (message) => sendText(serialize(message, "")),
        channels: new Set<string>(),
        others: () => [...clients].filter((c) => c !== view),
      };
      clients.add(view);
      const notifications = defect.wsNotifications?.(view) ?? {
        notification: (message: Record<string, unknown>) => view.send(message),
      };
      up.on("message", (data) => {
        const answer = parse(data.toString());
        if (
          answer !== null &&
          typeof answer === "object" &&
          !Array.isArray(answer) &&
          typeof (answer as Record<string, unknown>)["method"] === "string" &&
          !("id" in answer)
        ) {
          const message = answer as Record<string, unknown>;
          if (pending === 0) notifications.notification(message);
          else {
            pending++;
            tail = tail.then(() => {
              pending--;
              notifications.notification(message);
            });
          }
          return;
        }
        const id = (answer as { id?: unknown } | undefined)?.id ?? null;
        const resolve = waiting.get(id) ?? waiting.get(null);
        if (resolve === undefined) return;
        waiting.delete(waiting.has(id) ? id : null);
        let release = () => {};
        const written = new Promise<void>((r) => {
          release = r;
        });
        const before = tail;
        pending++;
        tail = tail
          .then(() => written)
          .then(() => {
            pending--;
          });
        releases.push(release);
        resolve(answer, before);
      });
      const forward = async (text: string): Promise<unknown> => {
        await opened;
        const sent = defect.request ? defect.request(text, connection) : text;
        const request = readRequest(sent);
        const expectsAnswer =
          request.hasId || parse(sent) === undefined || Array.isArray(parse(sent));
        if (!expectsAnswer) {
          up.send(sent);
          return undefined;
        }
        const key =
          request.hasId && (typeof request.id === "string" || typeof request.id === "number")
            ? request.id
            : null;
        const [answer, before] = await new Promise<[unknown, Promise<void>]>((resolve) => {
          waiting.set(key, (a, b) => resolve([a, b]));
          up.send(sent);
        });
        // Bounded: the answers of one batch are written together, after the last of them.
        if (pending > 1) await Promise.race([before, pause(BATCH_WAIT_MS)]);
        const result = (answer as { result?: unknown } | undefined)?.result;
        if (request.method === "public/auth" && result !== undefined) {
          connection.authenticated = true;
          const params = request.params as { client_id?: unknown } | undefined;
          if (typeof params?.client_id === "string") view.account = params.client_id;
        }
        trackChannels(view.channels, request.method, result);
        return rewrite(answer, request);
      };
      const write = defect.wsWriter
        ? defect.wsWriter((text, options) => client.send(text, options ?? {}))
        : (text: string) => client.send(text);
      client.on("message", async (data) => {
        const text = data.toString();
        try {
          const answer = defect.message ? await defect.message(text, forward) : await forward(text);
          if (answer === undefined) return;
          const out = serialize(answer, text);
          if (framing?.sendWs) framing.sendWs(client, out);
          else write(out, readRequest(text));
          notifications.answered?.(readRequest(text), answer);
        } finally {
          for (const release of releases.splice(0)) release();
        }
      });
      client.on("close", () => {
        clients.delete(view);
        up.close();
      });
      up.on("close", () => client.close());
      up.on("error", () => client.close());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws/api/v2`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
