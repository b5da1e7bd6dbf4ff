import type { Socket } from "node:net";
import type { WebSocket } from "ws";
import { BatchState } from "./BatchState.js";
import type { ChannelConnection } from "./ChannelHub.js";
import { principalsChanged } from "./ChannelSubscribers.js";
import type { Dispatcher } from "./createDispatcher.js";
import { type BatchedConnection, frameBatcher } from "./FrameBatcher.js";
import { Heartbeat, type HeartbeatLink } from "./Heartbeat.js";
import type { PendingCounter } from "./PendingCounter.js";
import type { Principal } from "./RequestContext.js";
import type { Session } from "./Session.js";
import { TokenBucket } from "./TokenBucket.js";

/** One buffer of frames, copied only when there are several. */
function joined(frames: readonly Buffer[]): Buffer {
  return frames.length === 1 ? frames[0]! : Buffer.concat(frames);
}

/**
 * One WebSocket connection: its own auth state (set by `authenticateConnection`), its in-flight
 * count, and back-pressure. When the unsent output passes the high-water mark the connection stops
 * being read until the socket drains; the messages of the chunk being parsed are kept as text and
 * dispatched after the drain, so a client that does not read costs the server at most one read
 * chunk of requests plus its in-flight answers, however large the answers are.
 *
 * `held` counts what a graceful shutdown must wait for besides running calls: each request in the
 * backlog, and the connection itself while its output is stuck behind back-pressure. Requests that
 * never get an answer (a backlog still there when the connection closes, a request read after the
 * close frame went out) are counted in `unanswered`.
 */
export class WsSession implements Session, HeartbeatLink, ChannelConnection, BatchedConnection {
  readonly transport = "ws" as const;
  principal: Principal | undefined = undefined;
  /** The principal the connection authenticated with last (kept when it expires): who closed. */
  lastPrincipal: Principal | undefined = undefined;
  inFlight = 0;
  readonly subscriptions = new Map<string, string | undefined>();
  cancelOnDisconnect = false;
  cancelOnDisconnectAccount: number | string | undefined = undefined;
  readonly maxInFlight: number;
  /** How long its notifications may wait to leave together (`FrameBatcher`), ms. */
  readonly lingerMs: number;
  /** What it may hold while it lingers (`FrameBatcher`), bytes; undefined: the batcher's default. */
  readonly maxHeldBytes: number | undefined;
  readonly rateLimit: TokenBucket | undefined;
  /** Times this connection was paused for back-pressure. */
  pauses = 0;
  /** Requests this connection read and will never answer (see the class comment). */
  unanswered = 0;
  /** Messages received: the idle sweep and the heartbeat compare it between their ticks. */
  received = 0;
  /** The `received` count the idle sweep saw last, and since when (ms) it has not changed. */
  idleSeen = 0;
  idleSince: number;
  /** Set once `fail` closed the connection. */
  failed = false;
  #heartbeat: Heartbeat | undefined;
  readonly #ws: WebSocket;
  readonly #dispatcher: Dispatcher;
  readonly #backlog: string[] = [];
  readonly #socket: Socket;
  readonly #highWaterMark: number;
  /** Unsent output past which a connection that does not read its notifications is closed. */
  readonly #maxBacklog: number;
  readonly #held: PendingCounter;
  readonly #controller = new AbortController();
  #backPressure = false;
  #corked = false;
  /** True while a message's call runs its synchronous part (`afterAnswer` attaches to its answer). */
  #dispatching = false;
  /** What runs right after the answer of the call being dispatched is written. */
  #afterAnswer: (() => void)[] | undefined;
  /** What `afterAnswer` was given outside a call's synchronous part: run after the next `send`. */
  #afterNextSend: (() => void)[] | undefined;
  /** Notification frames of this turn not written yet are the batcher's (`FrameBatcher`). */
  readonly batch = new BatchState();
  /** False once the server stops reading new requests (shutdown). */
  #reading = true;
  /** True once the close frame went out or the connection is gone: nothing more can be answered. */
  #done = false;

  constructor(
    ws: WebSocket,
    socket: Socket,
    dispatcher: Dispatcher,
    limits: {
      readonly maxInFlight: number;
      readonly highWaterMark: number;
      /** `Infinity`: no rate limit. */
      readonly maxRequestsPerSecond: number;
      /** `ServerLimits.notificationLingerMs`; 0 when not given. */
      readonly notificationLingerMs?: number;
      /** `ServerLimits.notificationMaxHeldBytes`; the batcher's default when not given. */
      readonly notificationMaxHeldBytes?: number;
      /** `ServerLimits.wsMaxBacklogBytes`; no cap when not given. */
      readonly maxBacklogBytes?: number;
    },
    held: PendingCounter,
    now: number,
  ) {
    this.idleSince = now;
    this.#ws = ws;
    this.#dispatcher = dispatcher;
    this.#socket = socket;
    this.maxInFlight = limits.maxInFlight;
    this.lingerMs = limits.notificationLingerMs ?? 0;
    this.maxHeldBytes = limits.notificationMaxHeldBytes;
    this.#maxBacklog = limits.maxBacklogBytes ?? Number.POSITIVE_INFINITY;
    const rate = limits.maxRequestsPerSecond;
    this.rateLimit = Number.isFinite(rate) ? new TokenBucket(rate) : undefined;
    this.#highWaterMark = limits.highWaterMark;
    this.#held = held;
  }

  get remoteAddress(): string | undefined {
    return this.#socket.remoteAddress;
  }

  credentials(): undefined {
    return undefined;
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  authenticateConnection(principal: Principal): void {
    this.principal = principal;
    this.lastPrincipal = principal;
    principalsChanged();
  }

  get connection(): this {
    return this;
  }

  /** The connection's heartbeat (`public/set_heartbeat`), made on first use. */
  get heartbeat(): Heartbeat {
    this.#heartbeat ??= new Heartbeat(this);
    return this.#heartbeat;
  }

  /**
   * Closes the connection with 1008 (policy violation) and `reason`: the client broke a rule of
   * the transport (it did not answer a heartbeat's `test_request`, stayed idle unauthenticated, or
   * left its notifications unread past `wsMaxBacklogBytes`).
   */
  fail(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    void this.close(1008, reason, 1_000);
  }

  /** Whether a principal holds this connection at `now` (ms): the idle timeout spares those. */
  authenticatedAt(now: number): boolean {
    const principal = this.principal;
    return (
      principal !== undefined && !(principal.expiresAt !== undefined && principal.expiresAt <= now)
    );
  }

  /**
   * One message from the client. After `stopReading` only the rest of a chunk already read can
   * come, and it is answered like the rest; after the close frame nothing can be.
   */
  receive(text: string): void {
    this.received++;
    if (this.#done) this.unanswered++;
    else if (this.#backPressure) {
      this.#backlog.push(text);
      this.#held.enter();
    } else this.#dispatch(text);
  }

  #dispatch(text: string): void {
    this.#dispatching = true;
    let out: ReturnType<Dispatcher["handleText"]>;
    try {
      out = this.#dispatcher.handleText(text, this);
    } finally {
      this.#dispatching = false;
    }
    const after = this.#afterAnswer;
    if (after === undefined) {
      if (typeof out === "string") this.send(out);
      else if (out !== undefined) out.then(this.send);
      return;
    }
    this.#afterAnswer = undefined;
    if (typeof out === "object") {
      out.then((text) => {
        this.send(text);
        for (const fn of after) fn();
      });
      return;
    }
    this.send(out);
    for (const fn of after) fn();
  }

  afterAnswer(fn: () => void): boolean {
    if (!this.#dispatching) {
      // After an asynchronous step: right after the connection's next answer (the call's own,
      // which follows in a microtask), or in a `setImmediate` if none is sent first (a call
      // without an id has no answer).
      let done = false;
      const once = () => {
        if (done) return;
        done = true;
        fn();
      };
      this.#afterNextSend ??= [];
      this.#afterNextSend.push(once);
      setImmediate(once);
      return false;
    }
    this.#afterAnswer ??= [];
    this.#afterAnswer.push(fn);
    return true;
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
    // The notifications published before this message go before it.
    const frames = frameBatcher.take(this);
    if (frames.length > 0) this.#socket.write(joined(frames));
    ws.send(text);
    const after = this.#afterNextSend;
    if (after !== undefined) {
      this.#afterNextSend = undefined;
      for (const fn of after) fn();
    }
    if (!this.#backPressure && ws.bufferedAmount > this.#highWaterMark) {
      // 'drain' comes only when a write was refused; otherwise the socket is not really behind.
      if (!this.#socket.writableNeedDrain) return;
      this.#backPressure = true;
      this.#held.enter();
      this.pauses++;
      ws.pause();
      this.#socket.once("drain", this.#drained);
    }
  };

  /**
   * Queues a frame built already (a notification framed once for every subscriber): the frames of
   * a turn leave in one write at its end (`FrameBatcher`), or before the next `send`, in order
   * with `send`'s frames (`ws` writes unqueued when nothing is compressed).
   */
  sendFrame(frame: Buffer): void {
    if (this.#ws.readyState !== 1) return;
    frameBatcher.sendTo(this, frame);
  }

  writeJoined(data: Buffer): void {
    if (this.#ws.readyState !== 1) return;
    this.#socket.write(data);
    this.#checkBackPressure();
    this.#checkBacklog();
  }

  writeAll(data: readonly Buffer[]): void {
    if (this.#ws.readyState !== 1) return;
    const socket = this.#socket;
    // Corked, the writes leave in one `writev` when uncorked (an answer written before them in
    // this tick, already corked, stays before them: `send` took what was held before it).
    socket.cork();
    for (const buffer of data) socket.write(buffer);
    socket.uncork();
    this.#checkBackPressure();
    this.#checkBacklog();
  }

  /** Closes a connection whose notifications pile up unread (`ServerLimits.wsMaxBacklogBytes`). */
  #checkBacklog(): void {
    const unsent = this.#socket.writableLength;
    if (unsent <= this.#maxBacklog) return;
    this.fail(
      `notifications not read: ${unsent} bytes unsent, over the limit of ${this.#maxBacklog} (wsMaxBacklogBytes)`,
    );
  }

  #checkBackPressure(): void {
    const ws = this.#ws;
    if (!this.#backPressure && ws.bufferedAmount > this.#highWaterMark) {
      if (!this.#socket.writableNeedDrain) return;
      this.#backPressure = true;
      this.#held.enter();
      this.pauses++;
      ws.pause();
      this.#socket.once("drain", this.#drained);
    }
  }

  readonly #uncork = (): void => {
    // This connection's notifications published before each answer were taken before it (`send`);
    // other connections get theirs when the turn ends, without holding these answers back.
    this.#corked = false;
    this.#socket.uncork();
  };

  readonly #drained = (): void => {
    if (!this.#backPressure) return;
    this.#backPressure = false;
    if (!this.#done) {
      const backlog = this.#backlog;
      while (backlog.length > 0 && !this.#backPressure) {
        this.#held.leave();
        this.#dispatch(backlog.shift()!);
      }
      if (!this.#backPressure) {
        if (this.#reading) this.#ws.resume();
        else this.#lastRead();
      }
    }
    this.#held.leave();
  };

  /**
   * Stops reading new requests: the first step of a graceful shutdown. What was read is still
   * answered (the backlog is dispatched as the socket drains), and so is what the peer sent before:
   * see {@link WsSession.#lastRead}.
   */
  stopReading(): void {
    this.#reading = false;
    if (!this.#backPressure) this.#lastRead();
  }

  /**
   * Reads for one more poll phase, then pauses: requests already in the kernel's buffer (sent
   * before the shutdown, or kept there while back-pressure paused reading) are answered too. Two
   * `setImmediate` hops let one poll phase pass after the socket resumed.
   */
  #lastRead(): void {
    this.#held.enter();
    this.#ws.resume();
    setImmediate(() =>
      setImmediate(() => {
        if (!this.#backPressure && !this.#done) this.#ws.pause();
        this.#held.leave();
      }),
    );
  }

  /** Closes with a code and reason, resolving when the connection is gone (or after `timeoutMs`). */
  close(code: number, reason: string, timeoutMs: number): Promise<void> {
    const ws = this.#ws;
    this.#done = true;
    if (ws.readyState === 3) return Promise.resolve();
    // Notifications published before the close go before the close frame.
    if (ws.readyState === 1) {
      const frames = frameBatcher.take(this);
      if (frames.length > 0) this.writeJoined(joined(frames));
    }
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

  /** The connection is gone: abort what handlers are still doing for it, count what is left. */
  closed(): void {
    this.#done = true;
    this.#heartbeat?.stop();
    const left = this.#backlog.length;
    this.unanswered += left;
    this.#backlog.length = 0;
    for (let i = 0; i < left; i++) this.#held.leave();
    this.#drained(); // releases the hold of a back-pressure that will never drain now
    this.#controller.abort();
  }

  abort(): void {
    this.#controller.abort();
  }
}
