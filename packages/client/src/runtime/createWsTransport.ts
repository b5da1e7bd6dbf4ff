import { AbortedError } from "./AbortedError.js";
import { backoffDelay, type ReconnectOptions } from "./backoffDelay.js";
import { ConnectionClosedError } from "./ConnectionClosedError.js";
import { DeadlineQueue } from "./DeadlineQueue.js";
import type { RpcResponse } from "./RpcResponse.js";
import { readResult } from "./readResult.js";
import { TimeoutError } from "./TimeoutError.js";
import type { CallOptions, RpcTransport } from "./Transport.js";
import { TransportError } from "./TransportError.js";
import type { ErrorClasses } from "./toRpcError.js";
import { toRpcResponse } from "./toRpcResponse.js";
import type { WebSocketConstructor, WebSocketLike } from "./WebSocketLike.js";

/** A change of the WebSocket connection, for logs and tests. */
export type ConnectionEvent =
  | { type: "open"; url: string }
  | { type: "close"; code: number; reason: string }
  | { type: "reconnect"; attempt: number; delayMs: number }
  | { type: "give-up"; attempts: number };

/** Sends one call on the connection being set up (before queued calls go out on it). */
export type HandshakeSend = (method: string, params: object) => Promise<RpcResponse>;

export interface WsTransportOptions {
  /** e.g. `ws://127.0.0.1:8080/ws/api/v2`. */
  url: string;
  /** The `ws` package's class on Node, the global `WebSocket` in browsers. */
  WebSocket: WebSocketConstructor;
  /** Default per-call timeout in ms, waiting for the connection included (default 30 000; `0`: none). */
  timeoutMs?: number;
  /** Give up opening a socket after this many ms (default 10 000). */
  connectTimeoutMs?: number;
  /** Reconnect after an established connection drops (default on); `false` to stay closed. */
  reconnect?: ReconnectOptions | false;
  /**
   * Runs on every new connection before any queued call is sent on it: `public/auth` goes
   * here, so a reconnected socket is authenticated again. An `RpcError` from it fails the
   * waiting calls and stops reconnecting; a transport failure counts as a failed connection.
   */
  onConnect?: (send: HandshakeSend) => Promise<void>;
  /** Server-sent notifications (`{method, params}` without `id`), e.g. subscriptions. */
  onNotification?: (message: { method: string; params?: unknown }) => void;
  onConnectionEvent?: (event: ConnectionEvent) => void;
  errorClasses?: ErrorClasses;
}

interface Call {
  method: string;
  params: object;
  options: CallOptions;
  full: boolean;
  resolve: (value: any) => void;
  reject: (error: unknown) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
  onAbort: (() => void) | undefined;
  id: number;
  sentAt: number;
}

type State = "idle" | "connecting" | "open" | "backoff" | "closed";
const OPEN = 1;

/**
 * A JSON-RPC transport over one WebSocket: ids correlate responses, any number of calls in
 * flight, per-call timeout and `AbortSignal`, reconnect with exponential backoff. Calls made
 * while (re)connecting wait for the connection; calls in flight when it drops reject with
 * `ConnectionClosedError` and are never resent.
 */
export function createWsTransport(options: WsTransportOptions): RpcTransport & {
  /** The connection state, for tests and health checks. */
  readonly state: State;
  /** Opens (and authenticates, via `onConnect`) the connection now; resolves when calls can go out. */
  connect(): Promise<void>;
} {
  const classes = options.errorClasses ?? {};
  const defaultTimeout = options.timeoutMs ?? 30_000;
  const reconnect = options.reconnect === false ? undefined : (options.reconnect ?? {});
  const maxAttempts = reconnect?.maxAttempts ?? Number.POSITIVE_INFINITY;
  const inFlight = new Map<number, Call>();
  const waiting = new Set<Call>();
  const openWaiters = new Set<{ resolve: () => void; reject: (error: unknown) => void }>();
  let state: State = "idle";
  let socket: WebSocketLike | undefined;
  let nextId = 1;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let closing: Promise<void> | undefined;
  let stopConnectTimer: (() => void) | undefined;
  // Calls with the default timeout share one timer (the common case, and the hot path).
  const deadlines =
    defaultTimeout > 0 ? new DeadlineQueue<Call>(defaultTimeout, expire) : undefined;

  function release(call: Call): void {
    deadlines?.delete(call);
    if (call.timer !== undefined) clearTimeout(call.timer);
    if (call.onAbort) call.options.signal?.removeEventListener("abort", call.onAbort);
  }

  function fail(call: Call, error: unknown): void {
    release(call);
    call.reject(error);
  }

  function settle(call: Call, message: any): void {
    release(call);
    if ((message.error !== undefined && message.error !== null) || !("result" in message)) {
      try {
        readResult(message, call.method, classes);
      } catch (error) {
        call.reject(error);
      }
      return;
    }
    if (!call.full && call.options.onResponse === undefined) {
      call.resolve(message.result);
      return;
    }
    const response = toRpcResponse(message, performance.now() - call.sentAt);
    try {
      call.options.onResponse?.(response);
    } catch (error) {
      call.reject(error);
      return;
    }
    call.resolve(call.full ? response : response.result);
  }

  function transmit(call: Call, target: WebSocketLike): void {
    const id = nextId++;
    call.id = id;
    inFlight.set(id, call);
    if (call.full || call.options.onResponse) call.sentAt = performance.now();
    try {
      target.send(JSON.stringify({ jsonrpc: "2.0", id, method: call.method, params: call.params }));
    } catch (cause) {
      inFlight.delete(id);
      fail(
        call,
        new ConnectionClosedError("Could not send on the WebSocket.", {
          method: call.method,
          cause,
        }),
      );
    }
  }

  function forget(call: Call): void {
    if (call.id !== 0) inFlight.delete(call.id);
    waiting.delete(call);
  }

  function expire(call: Call): void {
    forget(call);
    fail(call, new TimeoutError(call.options.timeoutMs ?? defaultTimeout, { method: call.method }));
  }

  function track(
    method: string,
    params: object,
    callOptions: CallOptions,
    full: boolean,
  ): [Call, Promise<any>] {
    let resolve!: (value: any) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<any>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const call: Call = {
      method,
      params,
      options: callOptions,
      full,
      resolve,
      reject,
      timer: undefined,
      onAbort: undefined,
      id: 0,
      sentAt: 0,
    };
    const timeoutMs = callOptions.timeoutMs;
    if (timeoutMs === undefined || timeoutMs === defaultTimeout) {
      deadlines?.add(call);
    } else if (timeoutMs > 0) {
      call.timer = setTimeout(expire, timeoutMs, call);
    }
    const signal = callOptions.signal;
    if (signal) {
      call.onAbort = () => {
        forget(call);
        fail(call, new AbortedError({ method, reason: signal.reason }));
      };
      signal.addEventListener("abort", call.onAbort, { once: true });
    }
    return [call, promise];
  }

  function enqueue(
    method: string,
    params: object,
    callOptions: CallOptions,
    full: boolean,
  ): Promise<any> {
    if (callOptions.signal?.aborted) {
      return Promise.reject(new AbortedError({ method, reason: callOptions.signal.reason }));
    }
    if (state === "closed") {
      return Promise.reject(new ConnectionClosedError("The transport is closed.", { method }));
    }
    const [call, promise] = track(method, params, callOptions, full);
    if (state === "open" && socket) {
      transmit(call, socket);
    } else {
      waiting.add(call);
      if (state === "idle") connect();
    }
    return promise;
  }

  function failWaiting(error: unknown): void {
    for (const call of waiting) fail(call, error);
    waiting.clear();
    for (const waiter of openWaiters) waiter.reject(error);
    openWaiters.clear();
  }

  function connect(): void {
    state = "connecting";
    let current: WebSocketLike;
    try {
      current = new options.WebSocket(options.url);
    } catch (cause) {
      // e.g. a malformed URL: the browser's WebSocket throws instead of failing the connection
      state = "idle";
      failWaiting(new ConnectionClosedError(`Could not connect to ${options.url}.`, { cause }));
      return;
    }
    socket = current;
    let gone = false;
    const connectTimer = setTimeout(() => {
      lost(1006, `no connection within ${options.connectTimeoutMs ?? 10_000} ms`);
      current.close();
    }, options.connectTimeoutMs ?? 10_000);
    stopConnectTimer = () => clearTimeout(connectTimer);

    const lost = (code: number, reason: string, cause?: unknown) => {
      if (gone) return;
      gone = true;
      clearTimeout(connectTimer);
      current.onopen = current.onclose = current.onmessage = null;
      if (socket !== current) return;
      socket = undefined;
      const wasOpen = state === "open";
      if (state !== "closed") state = "idle";
      options.onConnectionEvent?.({ type: "close", code, reason });
      const inFlightError = new ConnectionClosedError(
        "The WebSocket closed before the response came; the request may or may not have been executed.",
        { closeCode: code, closeReason: reason, cause },
      );
      for (const call of inFlight.values()) fail(call, withMethod(inFlightError, call.method));
      inFlight.clear();
      if (state === "closed") return;
      if (!wasOpen) {
        failWaiting(
          new ConnectionClosedError(`Could not connect to ${options.url}.`, {
            closeCode: code,
            closeReason: reason,
            cause,
          }),
        );
      }
      if (reconnect && (wasOpen || attempt > 0)) scheduleReconnect();
    };

    current.onopen = () => {
      clearTimeout(connectTimer);
      if (socket !== current) return;
      if (!options.onConnect) return opened();
      const send: HandshakeSend = (method, params) => {
        if (socket !== current)
          return Promise.reject(
            new ConnectionClosedError("The connection was replaced.", { method }),
          );
        const [call, promise] = track(method, params, {}, true);
        transmit(call, current);
        return promise;
      };
      options.onConnect(send).then(
        () => {
          if (socket === current && state === "connecting") opened();
        },
        (error) => {
          if (socket !== current || state !== "connecting") return;
          if (error instanceof TransportError) {
            lost(4000, "handshake failed", error);
          } else {
            attempt = 0;
            failWaiting(error);
            lost(4001, "handshake refused", error);
          }
          current.close(1000, "handshake failed");
        },
      );
    };
    const onMessage = (data: unknown) => {
      let message: any;
      try {
        message = JSON.parse(typeof data === "string" ? data : String(data));
      } catch {
        return;
      }
      if (message === null || typeof message !== "object") return;
      const id = message.id;
      if (id !== undefined && id !== null) {
        const call = inFlight.get(id);
        if (call) {
          inFlight.delete(id);
          settle(call, message);
        }
      } else if (typeof message.method === "string") {
        options.onNotification?.(message);
      }
    };
    if (typeof current.on === "function") current.on("message", onMessage);
    else current.onmessage = (event) => onMessage(event.data);
    current.onclose = (event) => lost(event.code, event.reason);
    current.onerror = (event) => {
      if (current.readyState !== OPEN)
        lost(1006, "connection error", (event as { error?: unknown })?.error ?? event);
    };
  }

  function opened(): void {
    state = "open";
    attempt = 0;
    options.onConnectionEvent?.({ type: "open", url: options.url });
    const target = socket!;
    const queued = [...waiting];
    waiting.clear();
    for (const call of queued) transmit(call, target);
    for (const waiter of openWaiters) waiter.resolve();
    openWaiters.clear();
  }

  function scheduleReconnect(): void {
    if (attempt >= maxAttempts) {
      options.onConnectionEvent?.({ type: "give-up", attempts: attempt });
      attempt = 0;
      return;
    }
    attempt += 1;
    const delayMs = backoffDelay(attempt, reconnect);
    state = "backoff";
    options.onConnectionEvent?.({ type: "reconnect", attempt, delayMs });
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      if (state === "backoff") connect();
    }, delayMs);
  }

  function opening(): Promise<void> {
    if (state === "open") return Promise.resolve();
    if (state === "closed")
      return Promise.reject(new ConnectionClosedError("The transport is closed."));
    const ready = new Promise<void>((resolve, reject) => openWaiters.add({ resolve, reject }));
    if (state === "idle") connect();
    return ready;
  }

  async function notify(method: string, params: object, callOptions: CallOptions = {}) {
    if (callOptions.signal?.aborted) {
      throw new AbortedError({ method, reason: callOptions.signal.reason });
    }
    if (state !== "open" || !socket) await opening();
    try {
      socket!.send(JSON.stringify({ jsonrpc: "2.0", method, params }));
    } catch (cause) {
      throw new ConnectionClosedError("Could not send on the WebSocket.", { method, cause });
    }
  }

  return {
    kind: "ws",
    get state() {
      return state;
    },
    connect: opening,
    notify,
    request: (method, params, callOptions = {}) => enqueue(method, params, callOptions, false),
    send: (method, params, callOptions = {}) => enqueue(method, params, callOptions, true),
    close() {
      if (closing) return closing;
      state = "closed";
      if (reconnectTimer !== undefined) clearTimeout(reconnectTimer);
      stopConnectTimer?.();
      const error = new ConnectionClosedError("The transport was closed by the client.");
      failWaiting(error);
      for (const call of inFlight.values()) fail(call, withMethod(error, call.method));
      inFlight.clear();
      const current = socket;
      socket = undefined;
      closing = new Promise<void>((resolve) => {
        if (!current || current.readyState > OPEN) return resolve();
        const timer = setTimeout(resolve, 1_000);
        current.onclose = () => {
          clearTimeout(timer);
          resolve();
        };
        current.close(1000, "client closed");
      });
      return closing;
    },
  };
}

function withMethod(error: ConnectionClosedError, method: string): ConnectionClosedError {
  if (error.method === method) return error;
  return new ConnectionClosedError(error.shortMessage, {
    method,
    closeCode: error.closeCode,
    closeReason: error.closeReason,
    cause: error.cause,
  });
}
