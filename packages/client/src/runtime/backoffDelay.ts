/** How the WebSocket transport reconnects after a connection it had established drops. */
export interface ReconnectOptions {
  /** Delay before the first attempt, ms (default 100). */
  initialDelayMs?: number;
  /** Upper bound of the delay, ms (default 5 000). */
  maxDelayMs?: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /** Random spread, as a fraction of the delay (default 0.2: +-20 %). */
  jitter?: number;
  /** Attempts before giving up until the next call (default `Infinity`). */
  maxAttempts?: number;
}

/** Exponential backoff with jitter: the delay before reconnect attempt `attempt` (1-based). */
export function backoffDelay(
  attempt: number,
  options: ReconnectOptions = {},
  random: () => number = Math.random,
): number {
  const initial = options.initialDelayMs ?? 100;
  const max = options.maxDelayMs ?? 5_000;
  const factor = options.factor ?? 2;
  const jitter = options.jitter ?? 0.2;
  const base = Math.min(max, initial * factor ** Math.max(0, attempt - 1));
  return Math.max(0, Math.round(base * (1 + jitter * (2 * random() - 1))));
}
