/**
 * The powers of ten kept: every exponent a decimal of `MAX_DECIMAL_LENGTH` characters can need.
 * Larger ones (from a JSON number such as `1e-300`) are computed each time: a cache of every
 * exponent ever seen grew without bound.
 */
export const POW10_CACHE_LIMIT = 64;

const POW10: bigint[] = [];
for (let n = 0, p = 1n; n <= POW10_CACHE_LIMIT; n++, p *= 10n) POW10.push(p);

/**
 * 10^n as a bigint (cached up to {@link POW10_CACHE_LIMIT}).
 * @example pow10(3) // 1000n
 */
export function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/** How many powers of ten the cache holds (for the bound's test). */
export function pow10CacheSize(): number {
  return POW10.length;
}
