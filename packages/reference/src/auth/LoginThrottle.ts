/** A failure budget: `burst` failures at once, refilled at `perSecond` (so `perSecond` a second sustained). */
export interface FailureRate {
  readonly burst: number;
  readonly perSecond: number;
}

/** How {@link LoginThrottle} limits failed logins. */
export interface LoginThrottleOptions {
  /** Failures per client id, from any address (default 10 at once, then 1 a second). */
  readonly perClientId?: FailureRate;
  /** Failures per client address, for any client id (default 30 at once, then 1 a second). */
  readonly perAddress?: FailureRate;
  /**
   * How long an address that logged in with a client id stays exempt from that client id's budget
   * (default 24 h): failures from elsewhere cannot lock the owner out of a known address.
   */
  readonly trustMs?: number;
  /** Entries kept per table before the oldest are dropped (default 100,000): memory stays bounded. */
  readonly maxEntries?: number;
}

/** Why a login is refused before its credentials are checked: the 10028 `data`. */
export interface Throttled {
  readonly reason: string;
  /** Milliseconds until the next attempt can be checked. */
  readonly retry_after_ms: number;
}

/**
 * Budgets by key as a generic cell rate algorithm: each key keeps only the time its budget will be
 * full again (`full`); a failure pushes it one interval on, and a key whose `full` is more than
 * `burst - 1` intervals ahead has no failure left. A key whose budget is full is forgotten at the
 * next sweep.
 */
class Budgets {
  readonly #full = new Map<string, number>();
  readonly #intervalMs: number;
  readonly #toleranceMs: number;
  readonly #max: number;
  #sinceSweep = 0;

  constructor(rate: FailureRate, max: number) {
    if (!(rate.burst >= 1 && rate.perSecond > 0)) {
      throw new Error(
        `could not throttle logins at ${JSON.stringify(rate)}. Expected burst >= 1 and perSecond > 0`,
      );
    }
    this.#intervalMs = 1000 / rate.perSecond;
    this.#toleranceMs = (rate.burst - 1) * this.#intervalMs;
    this.#max = max;
  }

  /** Milliseconds until the budget of `key` allows one more failure (0: it does now). */
  wait(key: string, now: number): number {
    const full = this.#full.get(key);
    if (full === undefined) return 0;
    return Math.max(0, Math.ceil(full - now - this.#toleranceMs));
  }

  spend(key: string, now: number): void {
    // Capped at a spent budget: failures let through anyway (from an exempt address) never make
    // the wait longer than one interval.
    const full = Math.min(
      Math.max(this.#full.get(key) ?? now, now) + this.#intervalMs,
      now + this.#toleranceMs + this.#intervalMs,
    );
    // Re-inserted, so that the map's order is the order of the last failure (oldest dropped first).
    this.#full.delete(key);
    this.#full.set(key, full);
    if (this.#full.size > this.#max) this.#full.delete(this.#full.keys().next().value!);
    if (++this.#sinceSweep >= 1024) this.#sweep(now);
  }

  get size(): number {
    return this.#full.size;
  }

  #sweep(now: number): void {
    this.#sinceSweep = 0;
    for (const [key, full] of this.#full) if (full <= now) this.#full.delete(key);
  }
}

/**
 * Throttles failed logins per client id and per client address, across connections and transports.
 * Each has a failure budget that refills continuously; once one is spent, a login it covers is
 * refused (10028) without checking its credentials, for the short time until the next failure is
 * allowed, whether or not the credentials would be right. So a lockout never outlasts the attacker's
 * own failures by more than one refill step, and an address that logged in with a client id before
 * is exempt from that client id's budget (not from its own address's).
 */
export class LoginThrottle {
  readonly #byClientId: Budgets;
  readonly #byAddress: Budgets;
  /** `clientId \n address` of successful logins, to when they stay trusted. */
  readonly #trusted = new Map<string, number>();
  readonly #trustMs: number;
  readonly #max: number;

  constructor(options: LoginThrottleOptions = {}) {
    this.#max = options.maxEntries ?? 100_000;
    this.#byClientId = new Budgets(options.perClientId ?? { burst: 10, perSecond: 1 }, this.#max);
    this.#byAddress = new Budgets(options.perAddress ?? { burst: 30, perSecond: 1 }, this.#max);
    this.#trustMs = options.trustMs ?? 86_400_000;
  }

  /** Why a login for `clientId` (undefined: a refresh token) from `address` must wait, or undefined. */
  check(
    clientId: string | undefined,
    address: string | undefined,
    now: number,
  ): Throttled | undefined {
    const from = addressKey(address);
    const byAddress = this.#byAddress.wait(from, now);
    if (byAddress > 0) {
      return { reason: "too many failed logins from this address", retry_after_ms: byAddress };
    }
    if (clientId === undefined) return undefined;
    const byClientId = this.#byClientId.wait(clientId, now);
    if (byClientId === 0 || this.#isTrusted(clientId, from, now)) return undefined;
    return { reason: "too many failed logins for this client id", retry_after_ms: byClientId };
  }

  /** Counts a login whose credentials did not check out. */
  failed(clientId: string | undefined, address: string | undefined, now: number): void {
    this.#byAddress.spend(addressKey(address), now);
    if (clientId !== undefined) this.#byClientId.spend(clientId, now);
  }

  /** Remembers that `address` logged in with `clientId`. */
  succeeded(clientId: string, address: string | undefined, now: number): void {
    const key = clientId + "\n" + addressKey(address);
    this.#trusted.delete(key);
    this.#trusted.set(key, now + this.#trustMs);
    if (this.#trusted.size > this.#max) this.#trusted.delete(this.#trusted.keys().next().value!);
  }

  /** Entries held (budgets and trusted pairs), for tests and the soak's memory check. */
  get size(): number {
    return this.#byClientId.size + this.#byAddress.size + this.#trusted.size;
  }

  #isTrusted(clientId: string, from: string, now: number): boolean {
    const key = clientId + "\n" + from;
    const until = this.#trusted.get(key);
    if (until === undefined) return false;
    if (until > now) return true;
    this.#trusted.delete(key);
    return false;
  }
}

/** An IPv4-mapped IPv6 address is the IPv4 address; an unknown one is "". */
function addressKey(address: string | undefined): string {
  if (address === undefined) return "";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
