import { request } from "node:http";
import { WebSocket } from "ws";

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: any;
}

/** A raw `node:http` request: no content type unless given, exact bytes, no client-side retries. */
export function http(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? "GET", headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** POST a JSON text with `content-type: application/json`. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return http(url, {
    method: "POST",
    body: text,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A WebSocket client that matches answers to ids and keeps every message it got. */
export interface RpcSocket {
  readonly ws: WebSocket;
  readonly messages: any[];
  /** Sends a request (an object or raw text) and resolves with the answer carrying `id`. */
  call(message: unknown, id?: unknown): Promise<any>;
  /** Resolves with the next message, whatever its id. */
  next(): Promise<any>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
}

export async function connect(url: string): Promise<RpcSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const messages: any[] = [];
  const waiting = new Map<unknown, (answer: any) => void>();
  const nexts: ((answer: any) => void)[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on("error", () => {});
  ws.on("message", (data: Buffer) => {
    const answer = JSON.parse(data.toString());
    messages.push(answer);
    nexts.shift()?.(answer);
    const wake = waiting.get(answer.id);
    if (wake) {
      waiting.delete(answer.id);
      wake(answer);
    }
  });
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  return {
    ws,
    messages,
    closed,
    call(message, id = (message as { id?: unknown }).id) {
      const answer = new Promise<any>((resolve) => waiting.set(id, resolve));
      ws.send(typeof message === "string" ? message : JSON.stringify(message));
      return answer;
    },
    next() {
      return new Promise((resolve) => nexts.push(resolve));
    },
  };
}
