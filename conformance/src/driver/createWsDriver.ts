import type { Socket } from "node:net";
import WebSocket from "ws";
import type { CallOptions, Driver, SendOptions } from "./Driver.js";
import { requestText } from "./Driver.js";
import { type Exchange, nowUs, readRequest } from "./Exchange.js";
import { NotificationLog } from "./NotificationLog.js";
import { resendWhileLimited } from "./resendWhileLimited.js";

/** Options of {@link createWsDriver}. */
export interface WsDriverOptions {
  /** The WebSocket endpoint, e.g. `ws://127.0.0.1:8080/ws/api/v2`. */
  url: string;
  timeoutMs?: number;
  onExchange?: (exchange: Exchange) => void;
}

/** A frame as it arrived. */
interface Frame {
  text: string;
  json: unknown;
  atUs: number;
  binary: boolean;
  /** Its position among the connection's frames. */
  index: number;
}

interface Waiter {
  /** The id a matching response echoes (`undefined` when the request had none). */
  id: unknown;
  exchange: Exchange;
  resolve(frame: Frame): void;
}

/** Ids a later frame can be matched by: strings and numbers (null and absent ids are not). */
const trackable = (id: unknown): id is string | number =>
  typeof id === "string" || typeof id === "number";

/**
 * A raw driver over one WebSocket connection: one text frame per message, answers matched by
 * `id` (answers to unreadable requests carry `id: null`). A frame whose id is that of a request
 * already answered, or given up on after its timeout, is kept on that request's exchange
 * (`laterAnswers`), never handed to the request waiting now. Other frames nobody waits for are
 * kept in `strays`, so a server that answers a notification can be caught. Notifications from
 * the server (a `method` and no `id`: subscriptions, heartbeats) go to `notifications`, never to
 * a waiting request; answers and notifications are numbered in one sequence (`frame`).
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
  const notifications = new NotificationLog();
  let frames = 0;
  let closedReason: string | undefined;
  let nextId = 1;

  /** The last request sent with each id that no longer waits: answered, or timed out. */
  const settled = new Map<string | number, { exchange: Exchange; timedOut: boolean }>();

  socket.on("message", (data, isBinary) => {
    const atUs = nowUs();
    const index = frames++;
    const text = data.toString();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const object =
      json !== null && typeof json === "object" && !Array.isArray(json)
        ? (json as Record<string, unknown>)
        : undefined;
    if (object !== undefined && typeof object["method"] === "string" && !("id" in object)) {
      notifications.add({
        method: object["method"],
        params: object["params"],
        text,
        atUs,
        frame: index,
      });
      return;
    }
    const id = object?.["id"];
    let at = waiters.findIndex((w) => trackable(w.id) && w.id === id);
    const earlier = at < 0 && trackable(id) ? settled.get(id) : undefined;
    if (earlier !== undefined) {
      earlier.exchange.laterAnswers ??= [];
      earlier.exchange.laterAnswers.push({ text, atUs, late: earlier.timedOut });
      return;
    }
    // Else the oldest waiter, so that a wrong id shows as a wrong id, not a timeout.
    if (at < 0 && waiters.length > 0) at = 0;
    if (at < 0) {
      strays.push(json ?? text);
      return;
    }
    const [waiter] = waiters.splice(at, 1);
    if (trackable(waiter!.id))
      settled.set(waiter!.id, { exchange: waiter!.exchange, timedOut: false });
    waiter!.resolve({ text, json, atUs, binary: isBinary, index });
  });
  socket.on("close", (code, reason) => {
    closedReason = `WebSocket closed (${code}${reason.length ? ` ${reason.toString()}` : ""})`;
    for (const w of waiters)
      w.resolve({ text: "", json: undefined, atUs: -1, binary: false, index: -1 });
    waiters = [];
  });

  const resend = resendWhileLimited();
  const send = (text: string, opts: SendOptions = {}) =>
    opts.expectResponse === false ? sendOnce(text, opts) : resend(() => sendOnce(text, opts));

  async function sendOnce(text: string, opts: SendOptions): Promise<Exchange> {
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
      const answer = await new Promise<Frame | undefined>((resolve) => {
        const waiter: Waiter = {
          id: exchange.requestId,
          exchange,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          if (trackable(waiter.id)) settled.set(waiter.id, { exchange, timedOut: true });
          resolve(undefined);
        }, timeoutMs);
        waiters.push(waiter);
        socket.send(text);
      });
      if (answer === undefined) exchange.error = `no WebSocket answer within ${timeoutMs} ms`;
      else if (answer.atUs < 0) exchange.error = closedReason ?? "WebSocket closed";
      else {
        exchange.responseText = answer.text;
        exchange.receivedAtUs = answer.atUs;
        exchange.frame = answer.index;
        if (answer.binary) exchange.binaryFrame = true;
        if (answer.json !== undefined) exchange.response = answer.json;
      }
    }
    exchange.durationMs = performance.now() - started;
    options.onExchange?.(exchange);
    return exchange;
  }

  const call = (method: string, params?: unknown, opts: CallOptions = {}) =>
    send(requestText(method, params, opts.id ?? nextId++), opts);

  return {
    transport: "ws",
    url: options.url,
    strays,
    notifications,
    send,
    call,
    pipeline(calls) {
      // Each call writes its frame synchronously; the corked socket sends them in one write.
      const raw = (socket as unknown as { _socket?: Socket })._socket;
      raw?.cork();
      try {
        return calls.map(([method, params]) => call(method, params));
      } finally {
        raw?.uncork();
      }
    },
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
