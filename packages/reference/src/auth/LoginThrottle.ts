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

interface Budget {
  tokens: number;
  at: number;
}

/** Budgets by key, each starting full; a full one is forgotten at the next sweep. */
class Budgets {
  readonly #map = new Map<string, Budget>();
  readonly #rate: FailureRate;
  readonly #max: number;
  #sinceSweep = 0;

  constructor(rate: FailureRate, max: number) {
    if (!(rate.burst >= 1 && rate.perSecond > 0)) {
      throw new Error(
        `could not throttle logins at ${JSON.stringify(rate)}. Expected burst >= 1 and perSecond > 0`,
      );
    }
    this.#rate = rate;
    this.#max = max;
  }

  /** Milliseconds until the budget of `key` allows one more failure (0: it does now). */
  wait(key: string, now: number): number {
    const tokens = this.#tokens(this.#map.get(key), now);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * 1000) / this.#rate.perSecond);
  }

  spend(key: string, now: number): void {
    const tokens = this.#tokens(this.#map.get(key), now);
    // Re-inserted, so that the map's order is the order of the last failure (oldest dropped first).
    this.#map.delete(key);
    this.#map.set(key, { tokens: Math.max(0, tokens - 1), at: now });
    if (this.#map.size > this.#max) this.#map.delete(this.#map.keys().next().value!);
    if (++this.#sinceSweep >= 1024) this.#sweep(now);
  }

  get size(): number {
    return this.#map.size;
  }

  #tokens(budget: Budget | undefined, now: number): number {
    if (budget === undefined) return this.#rate.burst;
    const refill = (Math.max(0, now - budget.at) * this.#rate.perSecond) / 1000;
    return Math.min(this.#rate.burst, budget.tokens + refill);
  }

  #sweep(now: number): void {
    this.#sinceSweep = 0;
    for (const [key, budget] of this.#map) {
      if (this.#tokens(budget, now) >= this.#rate.burst) this.#map.delete(key);
    }
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
  check(clientId: string | undefined, address: string | undefined, now: number): Throttled | undefined {
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
