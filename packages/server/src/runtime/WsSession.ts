import type { Socket } from "node:net";
import type { WebSocket } from "ws";
import type { Dispatcher } from "./createDispatcher.js";
import type { Principal } from "./RequestContext.js";
import type { Session } from "./Session.js";

/**
 * One WebSocket connection: its own auth state (set by `authenticateConnection`), its in-flight
 * count, and back-pressure. When the unsent output passes the high-water mark the connection stops
 * being read until the socket drains; the messages of the chunk being parsed are kept as text and
 * dispatched after the drain, so a client that does not read costs the server at most one read
 * chunk of requests plus its in-flight answers, however large the answers are.
 */
export class WsSession implements Session {
  readonly transport = "ws" as const;
  principal: Principal | undefined = undefined;
  inFlight = 0;
  readonly maxInFlight: number;
  /** Times this connection was paused for back-pressure. */
  pauses = 0;
  readonly #ws: WebSocket;
  readonly #dispatcher: Dispatcher;
  #backlog: string[] = [];
  readonly #socket: Socket;
  readonly #highWaterMark: number;
  readonly #controller = new AbortController();
  #backPressure = false;
  #corked = false;
  #closing = false;

  constructor(
    ws: WebSocket,
    socket: Socket,
    dispatcher: Dispatcher,
    maxInFlight: number,
    highWaterMark: number,
  ) {
    this.#ws = ws;
    this.#dispatcher = dispatcher;
    this.#socket = socket;
    this.maxInFlight = maxInFlight;
    this.#highWaterMark = highWaterMark;
  }

  credentials(): undefined {
    return undefined;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get closing(): boolean {
    return this.#closing;
  }

  authenticateConnection(principal: Principal): void {
    this.principal = principal;
  }

  /** One message from the client. */
  receive(text: string): void {
    if (this.#closing) return;
    if (this.#backPressure) this.#backlog.push(text);
    else this.#dispatch(text);
  }

  #dispatch(text: string): void {
    const out = this.#dispatcher.handleText(text, this);
    if (typeof out === "string") this.send(out);
    else if (out !== undefined) out.then(this.send);
  }

  /** Sends an answer (a bound function, so it can be a promise callback without a closure a call). */
  readonly send = (text: string | undefined): void => {
    const ws = this.#ws;
    if (text === undefined || ws.readyState !== 1) return;
    if (!this.#corked) {
      // Answers produced in one tick (a read chunk of pipelined requests) leave in one write.
      this.#corked = true;
      this.#socket.cork();
      process.nextTick(this.#uncork);
    }
    ws.send(text);
    if (!this.#backPressure && ws.bufferedAmount > this.#highWaterMark) {
      // 'drain' comes only when a write was refused; otherwise the socket is not really behind.
      if (!this.#socket.writableNeedDrain) return;
      this.#backPressure = true;
      this.pauses++;
      ws.pause();
      this.#socket.once("drain", this.#drained);
    }
  };

  readonly #uncork = (): void => {
    this.#corked = false;
    this.#socket.uncork();
  };

  readonly #drained = (): void => {
    this.#backPressure = false;
    if (this.#closing) return;
    const backlog = this.#backlog;
    while (backlog.length > 0 && !this.#backPressure) this.#dispatch(backlog.shift()!);
    if (!this.#backPressure) this.#ws.resume();
  };

  /** Stops reading new requests (a backlog is dropped): the first step of a graceful shutdown. */
  stopReading(): void {
    this.#closing = true;
    this.#backlog = [];
    this.#ws.pause();
  }

  /** Closes with a code and reason, resolving when the connection is gone (or after `timeoutMs`). */
  close(code: number, reason: string, timeoutMs: number): Promise<void> {
    const ws = this.#ws;
    this.#closing = true;
    if (ws.readyState === 3) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => ws.terminate(), timeoutMs);
      ws.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
      // The peer's close frame must be read for the closing handshake to finish.
      ws.resume();
      ws.close(code, reason);
    });
  }

  /** The connection is gone: abort what handlers are still doing for it. */
  closed(): void {
    this.#closing = true;
    this.#backlog = [];
    this.#controller.abort();
  }

  abort(): void {
    this.#controller.abort();
  }
}
