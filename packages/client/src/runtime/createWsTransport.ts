import { AbortedError } from "./AbortedError.js";
import { ConnectionClosedError } from "./ConnectionClosedError.js";
import { closeSocket } from "./closeSocket.js";
import { openSocket, type SocketConnection } from "./openSocket.js";
import { PendingCalls } from "./PendingCalls.js";
import { Reconnector } from "./Reconnector.js";
import { runHandshake } from "./runHandshake.js";
import type { CallOptions, RpcTransport } from "./Transport.js";
import type { WebSocketLike } from "./WebSocketLike.js";
import type { WsTransportOptions } from "./WsTransportOptions.js";

type State = "idle" | "connecting" | "open" | "backoff" | "closed";

/**
 * A JSON-RPC transport over one WebSocket: ids correlate responses, any number of calls in
 * flight, per-call timeout and `AbortSignal`, reconnect with exponential backoff. Calls made
 * while (re)connecting wait for the connection; calls in flight when it drops reject with
 * `ConnectionClosedError` and are never resent.
 *
 * This file is the connection's state machine; the calls and their timeouts are `PendingCalls`,
 * one socket is `openSocket`, the authentication of each connection `runHandshake`, the backoff
 * `Reconnector`.
 */
export function createWsTransport(options: WsTransportOptions): RpcTransport & {
  /** The connection state, for tests and health checks. */
  readonly state: State;
  /** Opens (and authenticates, via `onConnect`) the connection now; resolves when calls can go out. */
  connect(): Promise<void>;
} {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const pending = new PendingCalls(options.timeoutMs ?? 30_000, options.errorClasses ?? {});
  const reconnector =
    options.reconnect === false
      ? undefined
      : new Reconnector(options.reconnect ?? {}, options.onConnectionEvent);
  const openWaiters = new Set<{ resolve: () => void; reject: (error: unknown) => void }>();
  let state: State = "idle";
  let socket: WebSocketLike | undefined;
  let closing: Promise<void> | undefined;
  let stopConnectTimer: (() => void) | undefined;

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
    const [call, promise] = pending.track(method, params, callOptions, full);
    if (state === "open" && socket) {
      pending.transmit(call, socket);
    } else {
      pending.waiting.add(call);
      if (state === "idle") connect();
    }
    return promise;
  }

  function failWaiting(error: unknown): void {
    pending.failWaiting(error);
    for (const waiter of openWaiters) waiter.reject(error);
    openWaiters.clear();
  }

  function connect(): void {
    state = "connecting";
    let connection: SocketConnection;
    try {
      connection = openSocket(options.WebSocket, options.url, connectTimeoutMs, {
        onOpen: () => {
          if (socket === connection.socket) handshake(connection);
        },
        onMessage: receive,
        onLost: (code, reason, cause) => dropped(connection.socket, code, reason, cause),
      });
    } catch (cause) {
      // e.g. a malformed URL: the browser's WebSocket throws instead of failing the connection
      state = "idle";
      failWaiting(new ConnectionClosedError(`Could not connect to ${options.url}.`, { cause }));
      return;
    }
    socket = connection.socket;
    stopConnectTimer = connection.stopConnectTimer;
  }

  function receive(message: any): void {
    const id = message.id;
    if (id !== undefined && id !== null) pending.settle(id, message);
    else if (typeof message.method === "string") options.onNotification?.(message);
  }

  function dropped(current: WebSocketLike, code: number, reason: string, cause?: unknown): void {
    if (socket !== current) return;
    socket = undefined;
    const wasOpen = state === "open";
    if (state !== "closed") state = "idle";
    options.onConnectionEvent?.({ type: "close", code, reason });
    pending.failInFlight(
      new ConnectionClosedError(
        "The WebSocket closed before the response came; the request may or may not have been executed.",
        { closeCode: code, closeReason: reason, cause },
      ),
    );
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
    if (reconnector && (wasOpen || reconnector.attempt > 0)) {
      reconnector.schedule(
        () => {
          state = "backoff";
        },
        () => {
          if (state === "backoff") connect();
        },
      );
    }
  }

  function handshake(connection: SocketConnection): void {
    if (!options.onConnect) {
      opened();
      return;
    }
    const current = connection.socket;
    runHandshake(options.onConnect, {
      isCurrent: () => socket === current,
      transmit: (method, params) => {
        const [call, promise] = pending.track(method, params, {}, true);
        pending.transmit(call, current);
        return promise;
      },
      done: () => {
        if (socket === current && state === "connecting") opened();
      },
      failed: (error, refused) => {
        if (socket !== current || state !== "connecting") return;
        if (refused) {
          if (reconnector) reconnector.attempt = 0;
          failWaiting(error);
          connection.lost(4001, "handshake refused", error);
        } else {
          connection.lost(4000, "handshake failed", error);
        }
        current.close(1000, "handshake failed");
      },
    });
  }

  function opened(): void {
    state = "open";
    if (reconnector) reconnector.attempt = 0;
    options.onConnectionEvent?.({ type: "open", url: options.url });
    pending.sendWaiting(socket!);
    for (const waiter of openWaiters) waiter.resolve();
    openWaiters.clear();
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
      reconnector?.cancel();
      stopConnectTimer?.();
      const error = new ConnectionClosedError("The transport was closed by the client.");
      failWaiting(error);
      pending.failInFlight(error);
      const current = socket;
      socket = undefined;
      closing = closeSocket(current);
      return closing;
    },
  };
}
