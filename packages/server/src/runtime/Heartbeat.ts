const HEARTBEAT = '{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"heartbeat"}}';
const TEST_REQUEST = '{"jsonrpc":"2.0","method":"heartbeat","params":{"type":"test_request"}}';

/** What a heartbeat needs from its connection. */
export interface HeartbeatLink {
  /** Sends a notification's text. */
  send(text: string): void;
  /** Messages received so far: the heartbeat sees the client's activity without a per-message hook. */
  readonly received: number;
  /** Closes the connection: the client did not answer a `test_request`. */
  fail(reason: string): void;
}

/**
 * Deribit's heartbeat on one WebSocket connection (`public/set_heartbeat`): every interval a
 * `heartbeat` notification, and when the client sent nothing during that interval a
 * `test_request` too, which the client must answer with `public/test` before the next tick, or
 * the connection is closed.
 */
export class Heartbeat {
  readonly #link: HeartbeatLink;
  #timer: ReturnType<typeof setInterval> | undefined;
  #intervalMs = 0;
  #receivedAtTick = 0;
  #awaitingTest = false;

  constructor(link: HeartbeatLink) {
    this.#link = link;
  }

  /** The interval in ms, or 0 when stopped. */
  get intervalMs(): number {
    return this.#timer === undefined ? 0 : this.#intervalMs;
  }

  /** Starts (or restarts with a new interval); a pending `test_request` is forgiven. */
  start(intervalMs: number): void {
    this.stop();
    this.#intervalMs = intervalMs;
    this.#receivedAtTick = this.#link.received;
    this.#timer = setInterval(this.#tick, intervalMs);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#awaitingTest = false;
  }

  /** The client called `public/test`: a pending `test_request` is answered. */
  answered(): void {
    this.#awaitingTest = false;
  }

  readonly #tick = (): void => {
    const link = this.#link;
    if (this.#awaitingTest) {
      this.stop();
      const seconds = this.#intervalMs / 1000;
      link.fail(`heartbeat: no public/test answered the test_request within ${seconds} s`);
      return;
    }
    link.send(HEARTBEAT);
    if (link.received === this.#receivedAtTick) {
      link.send(TEST_REQUEST);
      this.#awaitingTest = true;
    }
    this.#receivedAtTick = link.received;
  };
}
