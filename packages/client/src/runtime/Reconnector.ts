import { backoffDelay, type ReconnectOptions } from "./backoffDelay.js";
import type { ConnectionEvent } from "./ConnectionEvent.js";

/**
 * Reconnect attempts with exponential backoff and jitter: counts the attempts since the last
 * connection that opened, waits before each, and gives up after `maxAttempts` (until the next call).
 */
export class Reconnector {
  /** Attempts since the last connection that opened (0: none pending). */
  attempt = 0;
  readonly #options: ReconnectOptions;
  readonly #maxAttempts: number;
  readonly #onEvent: ((event: ConnectionEvent) => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ReconnectOptions, onEvent: ((event: ConnectionEvent) => void) | undefined) {
    this.#options = options;
    this.#maxAttempts = options.maxAttempts ?? Number.POSITIVE_INFINITY;
    this.#onEvent = onEvent;
  }

  /**
   * Schedules the next attempt: `waiting()` runs at once (the transport enters its backoff state),
   * `retry()` after the delay. Returns false, and starts counting afresh, once the attempts are spent.
   */
  schedule(waiting: () => void, retry: () => void): boolean {
    if (this.attempt >= this.#maxAttempts) {
      this.#onEvent?.({ type: "give-up", attempts: this.attempt });
      this.attempt = 0;
      return false;
    }
    this.attempt += 1;
    const delayMs = backoffDelay(this.attempt, this.#options);
    waiting();
    this.#onEvent?.({ type: "reconnect", attempt: this.attempt, delayMs });
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      retry();
    }, delayMs);
    return true;
  }

  /** Cancels a scheduled attempt (the transport is closing). */
  cancel(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
  }
}
