import { AbortedError } from "./AbortedError.js";
import { ConnectionClosedError } from "./ConnectionClosedError.js";
import { DeadlineQueue } from "./DeadlineQueue.js";
import { resolveCall } from "./resolveCall.js";
import { TimeoutError } from "./TimeoutError.js";
import type { CallOptions } from "./Transport.js";
import type { ErrorClasses } from "./toRpcError.js";
import type { WebSocketLike } from "./WebSocketLike.js";
import type { WsCall } from "./WsCall.js";
import { withMethod } from "./withMethod.js";

/**
 * The calls of one WebSocket transport: those waiting for the connection and those in flight,
 * correlated with their responses by id, with their timeouts and abort signals. Calls with the
 * default timeout share one timer (the common case, and the hot path).
 */
export class PendingCalls {
  /** Calls made before the connection could take them, sent in order once it opens. */
  readonly waiting = new Set<WsCall>();
  readonly #inFlight = new Map<number, WsCall>();
  readonly #defaultTimeout: number;
  readonly #classes: ErrorClasses;
  readonly #deadlines: DeadlineQueue<WsCall> | undefined;
  #nextId = 1;

  constructor(defaultTimeout: number, classes: ErrorClasses) {
    this.#defaultTimeout = defaultTimeout;
    this.#classes = classes;
    this.#deadlines =
      defaultTimeout > 0 ? new DeadlineQueue<WsCall>(defaultTimeout, this.#expire) : undefined;
  }

  /** A new call, its timeout and abort signal armed; not yet sent nor queued. */
  track(
    method: string,
    params: object,
    options: CallOptions,
    full: boolean,
  ): [WsCall, Promise<any>] {
    let resolve!: (value: any) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<any>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const call: WsCall = {
      method,
      params,
      options,
      full,
      resolve,
      reject,
      timer: undefined,
      onAbort: undefined,
      id: 0,
      sentAt: 0,
    };
    const timeoutMs = options.timeoutMs;
    if (timeoutMs === undefined || timeoutMs === this.#defaultTimeout) {
      this.#deadlines?.add(call);
    } else if (timeoutMs > 0) {
      call.timer = setTimeout(this.#expire, timeoutMs, call);
    }
    const signal = options.signal;
    if (signal) {
      call.onAbort = () => {
        this.#forget(call);
        this.fail(call, new AbortedError({ method, reason: signal.reason }));
      };
      signal.addEventListener("abort", call.onAbort, { once: true });
    }
    return [call, promise];
  }

  /** Gives the call an id and sends it on `target`; a failed send fails the call. */
  transmit(call: WsCall, target: WebSocketLike): void {
    const id = this.#nextId++;
    call.id = id;
    this.#inFlight.set(id, call);
    if (call.full || call.options.onResponse) call.sentAt = performance.now();
    try {
      target.send(JSON.stringify({ jsonrpc: "2.0", id, method: call.method, params: call.params }));
    } catch (cause) {
      this.#inFlight.delete(id);
      this.fail(
        call,
        new ConnectionClosedError("Could not send on the WebSocket.", {
          method: call.method,
          cause,
        }),
      );
    }
  }

  /** Settles the call in flight with this id, if any (a late answer to a timed-out call has none). */
  settle(id: unknown, message: any): void {
    const call = this.#inFlight.get(id as number);
    if (!call) return;
    this.#inFlight.delete(id as number);
    this.#release(call);
    resolveCall(call, message, this.#classes);
  }

  fail(call: WsCall, error: unknown): void {
    this.#release(call);
    call.reject(error);
  }

  /** Fails every call waiting for the connection. */
  failWaiting(error: unknown): void {
    for (const call of this.waiting) this.fail(call, error);
    this.waiting.clear();
  }

  /** Fails every call in flight: the connection they went out on is gone. */
  failInFlight(error: ConnectionClosedError): void {
    for (const call of this.#inFlight.values()) this.fail(call, withMethod(error, call.method));
    this.#inFlight.clear();
  }

  /** Sends every waiting call on the connection that just opened, in the order they were made. */
  sendWaiting(target: WebSocketLike): void {
    const queued = [...this.waiting];
    this.waiting.clear();
    for (const call of queued) this.transmit(call, target);
  }

  #release(call: WsCall): void {
    this.#deadlines?.delete(call);
    if (call.timer !== undefined) clearTimeout(call.timer);
    if (call.onAbort) call.options.signal?.removeEventListener("abort", call.onAbort);
  }

  #forget(call: WsCall): void {
    if (call.id !== 0) this.#inFlight.delete(call.id);
    this.waiting.delete(call);
  }

  readonly #expire = (call: WsCall): void => {
    this.#forget(call);
    this.fail(
      call,
      new TimeoutError(call.options.timeoutMs ?? this.#defaultTimeout, { method: call.method }),
    );
  };
}
