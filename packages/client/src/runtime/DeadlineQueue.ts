/**
 * Expires entries after one fixed timeout with a single timer instead of one per entry: entries
 * are added in deadline order (same timeout, increasing start), so the first one is always the
 * next to expire. The timer is unref'd on Node: it never keeps a process alive by itself.
 */
export class DeadlineQueue<T> {
  readonly #entries = new Map<T, number>();
  readonly #timeoutMs: number;
  readonly #onExpire: (entry: T) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(timeoutMs: number, onExpire: (entry: T) => void) {
    this.#timeoutMs = timeoutMs;
    this.#onExpire = onExpire;
  }

  get size(): number {
    return this.#entries.size;
  }

  add(entry: T): void {
    this.#entries.set(entry, performance.now() + this.#timeoutMs);
    if (this.#timer === undefined) this.#arm(this.#timeoutMs);
  }

  delete(entry: T): void {
    this.#entries.delete(entry);
  }

  #arm(delayMs: number): void {
    const timer = setTimeout(() => this.#sweep(), delayMs);
    (timer as { unref?: () => void }).unref?.();
    this.#timer = timer;
  }

  #sweep(): void {
    this.#timer = undefined;
    const now = performance.now();
    for (const [entry, deadline] of this.#entries) {
      if (deadline > now) {
        this.#arm(Math.ceil(deadline - now));
        return;
      }
      this.#entries.delete(entry);
      this.#onExpire(entry);
    }
  }
}
