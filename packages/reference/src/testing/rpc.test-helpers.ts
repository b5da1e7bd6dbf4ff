import { createHmac, randomUUID } from "node:crypto";
import { request } from "node:http";
import { createRequire } from "node:module";
import { httpStringToSign } from "@unwind/protocol";

/** The TEST-ONLY keys of accounts.default.json. */
export const ALICE = { id: "fo7WAPRm4P", secret: "W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS", account: 101 };
export const ALICE_READONLY = {
  id: "alice-readonly",
  secret: "alice-readonly-secret-TEST-ONLY",
  account: 101,
};
export const BOB = { id: "bob-key", secret: "bob-secret-TEST-ONLY", account: 102 };
export const CAROL = { id: "carol-key", secret: "carol-secret-TEST-ONLY", account: 103 };

/** A JSON-RPC response envelope. */
export interface Envelope {
  jsonrpc: "2.0";
  id?: unknown;
  result?: any;
  error?: { code: number; message: string; data?: any };
  usIn: number;
  usOut: number;
  usDiff: number;
  testnet: boolean;
}

/** `POST /api/v2` with a JSON-RPC request; extra headers (Authorization) optional. */
export async function post(
  url: string,
  method: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Envelope> {
  const res = await fetch(url + "/api/v2", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return (await res.json()) as Envelope;
}

/** As {@link post}, from a chosen local address (e.g. `127.0.0.2`): `fetch` cannot pick one. */
export function postFrom(
  localAddress: string,
  url: string,
  method: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Envelope> {
  return new Promise((resolve, reject) => {
    const req = request(
      url + "/api/v2",
      {
        method: "POST",
        localAddress,
        agent: false,
        headers: { "content-type": "application/json", ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve(JSON.parse(text) as Envelope));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }));
  });
}

/** `GET /api/v2/{method}?query` with extra headers. */
export async function get(
  url: string,
  pathAndQuery: string,
  headers: Record<string, string> = {},
): Promise<Envelope> {
  const res = await fetch(url + pathAndQuery, { headers });
  return (await res.json()) as Envelope;
}

/** `Authorization: Basic ...` for a key. */
export function basic(key: { id: string; secret: string }): Record<string, string> {
  return { authorization: "Basic " + Buffer.from(`${key.id}:${key.secret}`).toString("base64") };
}

/** `Authorization: deri-hmac-sha256 ...` signing a request, with a fresh nonce unless given. */
export function hmacHeader(
  key: { id: string; secret: string },
  httpMethod: string,
  uri: string,
  body = "",
  ts: number = Date.now(),
  nonce: string = randomUUID(),
): Record<string, string> {
  const sig = createHmac("sha256", key.secret)
    .update(httpStringToSign(ts, nonce, httpMethod, uri, body))
    .digest("hex");
  return { authorization: `deri-hmac-sha256 id=${key.id},ts=${ts},nonce=${nonce},sig=${sig}` };
}

/** `public/auth` client_credentials over HTTP: the access token. */
export async function login(url: string, key: { id: string; secret: string }, scope?: string) {
  const params: Record<string, unknown> = {
    grant_type: "client_credentials",
    client_id: key.id,
    client_secret: key.secret,
  };
  if (scope !== undefined) params["scope"] = scope;
  const res = await post(url, "public/auth", params);
  if (res.result === undefined) throw new Error(`login failed: ${JSON.stringify(res.error)}`);
  return res.result as { access_token: string; refresh_token: string; scope: string };
}

interface WebSocketLike {
  on(event: "message", listener: (data: Buffer) => void): void;
  on(event: "open" | "close", listener: () => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  send(text: string): void;
  close(): void;
  terminate(): void;
}

// ws is a dependency of @unwind/server; the tests borrow it from there.
const fromHere = createRequire(import.meta.url);
const WebSocket = createRequire(fromHere.resolve("@unwind/server"))("ws") as new (
  url: string,
  options?: { localAddress?: string },
) => WebSocketLike;

/** A `subscription` notification's params. */
export interface Notified {
  channel: string;
  data: any;
  label?: string;
}

/**
 * A JSON-RPC client over one WebSocket, answers matched by id; `subscription` notifications are
 * kept in `notifications` (and in `log`, interleaved with the answers' ids, to check ordering).
 */
export class WsClient {
  #next = 1;
  readonly #waiting = new Map<number, (e: Envelope) => void>();
  readonly notifications: Notified[] = [];
  /** Every message in arrival order: a notification's channel, or `answer <id>`. */
  readonly log: string[] = [];
  #watchers: (() => void)[] = [];

  private constructor(readonly socket: WebSocketLike) {
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString()) as Envelope & { method?: string; params?: any };
      if (message.id === undefined && message.method === "subscription") {
        this.notifications.push(message.params as Notified);
        this.log.push((message.params as Notified).channel);
        const watchers = this.#watchers;
        this.#watchers = [];
        for (const w of watchers) w();
        return;
      }
      this.log.push(`answer ${String(message.id)}`);
      const resolve = this.#waiting.get(message.id as number);
      this.#waiting.delete(message.id as number);
      resolve?.(message);
    });
  }

  /** Resolves once a notification satisfies `test` (already received ones included). */
  waitFor(test: (n: Notified) => boolean): Promise<Notified> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.notifications.find(test);
        if (found !== undefined) resolve(found);
        else this.#watchers.push(check);
      };
      check();
    });
  }

  /** The notifications of one channel so far. */
  on(channel: string): Notified[] {
    return this.notifications.filter((n) => n.channel === channel);
  }

  /** Connects; `localAddress` (e.g. `127.0.0.2`, any of 127.0.0.0/8 is loopback) picks the client's address. */
  static open(url: string, localAddress?: string): Promise<WsClient> {
    const socket = new WebSocket(url, localAddress === undefined ? {} : { localAddress });
    return new Promise((resolve, reject) => {
      socket.on("open", () => resolve(new WsClient(socket)));
      socket.on("error", reject);
    });
  }

  /** Connects, then authenticates with `key` (client credentials) when given; throws if that fails. */
  static async openAs(url: string, key?: { id: string; secret: string }): Promise<WsClient> {
    const client = await WsClient.open(url);
    if (key === undefined) return client;
    const auth = await client.call("public/auth", {
      grant_type: "client_credentials",
      client_id: key.id,
      client_secret: key.secret,
    });
    if (auth.error !== undefined)
      throw new Error(`public/auth failed: ${JSON.stringify(auth.error)}`);
    return client;
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<Envelope> {
    const id = this.#next++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.socket.on("close", () => resolve());
      this.socket.close();
    });
  }
}
