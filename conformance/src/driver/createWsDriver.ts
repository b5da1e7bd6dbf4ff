import WebSocket from "ws";
import type { CallOptions, Driver, SendOptions } from "./Driver.js";
import { requestText } from "./Driver.js";
import { type Exchange, nowUs, readRequest } from "./Exchange.js";

/** Options of {@link createWsDriver}. */
export interface WsDriverOptions {
  /** The WebSocket endpoint, e.g. `ws://127.0.0.1:8080/ws/api/v2`. */
  url: string;
  timeoutMs?: number;
  onExchange?: (exchange: Exchange) => void;
}

interface Waiter {
  /** The id a matching response echoes (`undefined` when the request had none). */
  id: unknown;
  resolve(message: { text: string; json: unknown; atUs: number }): void;
}

/**
 * A raw driver over one WebSocket connection: one text frame per message, answers matched by
 * `id` (answers to unreadable requests carry `id: null`). Frames nobody waits for are kept in
 * `strays`, so a server that answers a notification can be caught.
 *
 * @example
 * const ws = await createWsDriver({ url: "ws://127.0.0.1:8080/ws/api/v2" });
 * const exchange = await ws.call("public/test", {});
 * await ws.close();
 */
export async function createWsDriver(options: WsDriverOptions): Promise<Driver> {
  const defaultTimeout = options.timeoutMs ?? 10_000;
  const socket = new WebSocket(options.url);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`WebSocket ${options.url} did not open within ${defaultTimeout} ms`));
    }, defaultTimeout);
    socket.once("open", () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`WebSocket ${options.url} failed to open: ${error.message}`));
    });
  });
  socket.on("error", () => {});
  let waiters: Waiter[] = [];
  const strays: unknown[] = [];
  let closedReason: string | undefined;
  let nextId = 1;

  socket.on("message", (data) => {
    const atUs = nowUs();
    const text = data.toString();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const id =
      json !== null && typeof json === "object" && !Array.isArray(json)
        ? (json as Record<string, unknown>)["id"]
        : undefined;
    // By id first; else the oldest waiter, so that a wrong id shows as a wrong id, not a timeout.
    let index = waiters.findIndex((w) => w.id !== undefined && w.id !== null && w.id === id);
    if (index < 0 && waiters.length > 0) index = 0;
    if (index < 0) {
      strays.push(json ?? text);
      return;
    }
    const [waiter] = waiters.splice(index, 1);
    waiter!.resolve({ text, json, atUs });
  });
  socket.on("close", (code, reason) => {
    closedReason = `WebSocket closed (${code}${reason.length ? ` ${reason.toString()}` : ""})`;
    for (const w of waiters) w.resolve({ text: "", json: undefined, atUs: -1 });
    waiters = [];
  });

  async function send(text: string, opts: SendOptions = {}): Promise<Exchange> {
    const exchange: Exchange = {
      transport: "ws",
      url: options.url,
      request: text,
      ...readRequest(text),
      sentAtUs: nowUs(),
      durationMs: 0,
    };
    const started = performance.now();
    if (closedReason !== undefined) {
      exchange.error = closedReason;
    } else if (opts.expectResponse === false) {
      socket.send(text);
    } else {
      const timeoutMs = opts.timeoutMs ?? defaultTimeout;
      const answer = await new Promise<{ text: string; json: unknown; atUs: number } | undefined>(
        (resolve) => {
          const waiter: Waiter = {
            id: exchange.requestId,
            resolve: (m) => {
              clearTimeout(timer);
              resolve(m);
            },
          };
          const timer = setTimeout(() => {
            waiters = waiters.filter((w) => w !== waiter);
            resolve(undefined);
          }, timeoutMs);
          waiters.push(waiter);
          socket.send(text);
        },
      );
      if (answer === undefined) exchange.error = `no WebSocket answer within ${timeoutMs} ms`;
      else if (answer.atUs < 0) exchange.error = closedReason ?? "WebSocket closed";
      else {
        exchange.responseText = answer.text;
        exchange.receivedAtUs = answer.atUs;
        if (answer.json !== undefined) exchange.response = answer.json;
      }
    }
    exchange.durationMs = performance.now() - started;
    options.onExchange?.(exchange);
    return exchange;
  }

  return {
    transport: "ws",
    url: options.url,
    strays,
    send,
    call: (method: string, params?: unknown, opts: CallOptions = {}) =>
      send(requestText(method, params, opts.id ?? nextId++), opts),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        const timer = setTimeout(() => {
          socket.terminate();
          resolve();
        }, 1000);
        socket.once("close", () => {
          clearTimeout(timer);
          resolve();
        });
        socket.close();
      }),
  };
}
