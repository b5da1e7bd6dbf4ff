import { AbortedError } from "./AbortedError.js";
import { ChannelSubscriptions } from "./ChannelSubscriptions.js";
import { ConnectionClosedError } from "./ConnectionClosedError.js";
import { closeSocket } from "./closeSocket.js";
import type { HandshakeSend } from "./HandshakeSend.js";
import { openSocket, type SocketConnection } from "./openSocket.js";
import { PendingCalls } from "./PendingCalls.js";
import { Reconnector } from "./Reconnector.js";
import { runHandshake } from "./runHandshake.js";
import type { CallOptions } from "./Transport.js";
import type { WebSocketLike } from "./WebSocketLike.js";
import type { WsTransport, WsTransportState } from "./WsTransport.js";
import type { WsTransportOptions } from "./WsTransportOptions.js";

/**
 * A JSON-RPC transport over one WebSocket: ids correlate responses, any number of calls in
 * flight, per-call timeout and `AbortSignal`, reconnect with exponential backoff. Calls made
 * while (re)connecting wait for the connection; calls in flight when it drops reject with
 * `ConnectionClosedError` and are never resent.
 *
 * Subscriptions (`subscribe(channel)`) live as long as the transport: every new connection
 * renews them in its handshake, after `onConnect`, before the queued calls go out. A heartbeat
 * `test_request` from the server is answered with `public/test`.
 *
 * This file is the connection's state machine; the calls and their timeouts are `PendingCalls`,
 * one socket is `openSocket`, the authentication of each connection `runHandshake`, the backoff
 * `Reconnector`, the channels `ChannelSubscriptions`.
 */
export function createWsTransport(options: WsTransportOptions): WsTransport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const pending = new PendingCalls(options.timeoutMs ?? 30_000, options.errorClasses ?? {});
  const reconnector =
    options.reconnect === false
      ? undefined
      : new Reconnector(options.reconnect ?? {}, options.onConnectionEvent);
  const openWaiters = new Set<{ resolve: () => void; reject: (error: unknown) => void }>();
  let state: WsTransportState = "idle";
  let socket: WebSocketLike | undefined;
  let closing: Promise<void> | undefined;
  let stopConnectTimer: (() => void) | undefined;
  const subscriptions = new ChannelSubscriptions({
    get state() {
      return state;
    },
    call: (method, params) => enqueue(method, params, {}, false),
    connect: () => {
      opening().catch(() => {});
    },
    report: (event) => options.onConnectionEvent?.(event),
  });

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
      const error = new ConnectionClosedError(`Could not connect to ${options.url}.`, { cause });
      failWaiting(error);
      subscriptions.fail(error);
      return;
    }
    socket = connection.socket;
    stopConnectTimer = connection.stopConnectTimer;
  }

  function receive(message: any): void {
    const id = message.id;
    if (id !== undefined && id !== null) pending.settle(id, message);
    else if (typeof message.method === "string") {
      if (message.method === "subscription") subscriptions.receive(message.params);
      else if (message.method === "heartbeat" && message.params?.type === "test_request") {
        // Deribit closes a connection that does not answer: `public/test` is the answer
        enqueue("public/test", {}, {}, false).catch(() => {});
      }
      options.onNotification?.(message);
    }
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
    const again =
      reconnector !== undefined &&
      (wasOpen || reconnector.attempt > 0) &&
      reconnector.schedule(
        () => {
          state = "backoff";
        },
        () => {
          if (state === "backoff") connect();
        },
      );
    if (again) subscriptions.lost();
    else {
      subscriptions.fail(
        new ConnectionClosedError(
          "The WebSocket closed and the transport does not reconnect: the subscription ended.",
          { closeCode: code, closeReason: reason, cause },
        ),
      );
    }
  }

  async function setUp(send: HandshakeSend): Promise<void> {
    if (options.onConnect) await options.onConnect(send);
    await subscriptions.restore(send);
  }

  function handshake(connection: SocketConnection): void {
    if (!options.onConnect && subscriptions.size === 0) {
      opened();
      return;
    }
    const current = connection.socket;
    runHandshake(setUp, {
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
          subscriptions.fail(error);
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
    subscriptions.flush();
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
    subscribe: (channel, subscribeOptions) => subscriptions.subscribe(channel, subscribeOptions),
    unsubscribeAll: () => subscriptions.unsubscribeAll(),
    close() {
      if (closing) return closing;
      state = "closed";
      reconnector?.cancel();
      stopConnectTimer?.();
      const error = new ConnectionClosedError("The transport was closed by the client.");
      failWaiting(error);
      pending.failInFlight(error);
      subscriptions.end();
      const current = socket;
      socket = undefined;
      closing = closeSocket(current);
      return closing;
    },
  };
}
