/** An exact decimal: `units / 10^scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** The outcome of parsing a decimal: the exact value, or why it is not one. */
export type DecimalResult = { ok: true; value: Decimal } | { ok: false; reason: string };

/**
 * The longest decimal string {@link parseDecimal} reads, as the spec's `DecimalInput` declares
 * (`maxLength`): a price or an amount needs a few dozen characters at most, and a longer string
 * (a bomb of trailing zeros) is refused before any arithmetic.
 */
export const MAX_DECIMAL_LENGTH = 64;

/**
 * The powers of ten kept: every exponent a decimal of {@link MAX_DECIMAL_LENGTH} characters can
 * need. Larger ones (from a JSON number such as `1e-300`) are computed each time: a cache of every
 * exponent ever seen grew without bound.
 */
export const POW10_CACHE_LIMIT = 64;

const DECIMAL_STRING = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const NUMBER_TEXT = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:e([+-]?[0-9]+))?$/;
const POW10: bigint[] = [];
for (let n = 0, p = 1n; n <= POW10_CACHE_LIMIT; n++, p *= 10n) POW10.push(p);

/** 10^n as a bigint (cached up to {@link POW10_CACHE_LIMIT}). */
export function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/** How many powers of ten the cache holds (for the bound's test). */
export function pow10CacheSize(): number {
  return POW10.length;
}

/** The end of `text` without its trailing zeros (at least `from`): one backwards scan. */
function trimZeros(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && text.charCodeAt(end - 1) === 48) end--;
  return end;
}

function fromParts(sign: string, int: string, frac: string, exp: number): Decimal {
  const fracEnd = trimZeros(frac, 0, frac.length);
  const digits = BigInt(int + frac.slice(0, fracEnd)) * (sign === "-" ? -1n : 1n);
  const scale = fracEnd - exp;
  if (scale >= 0) return normalize({ units: digits, scale });
  return { units: digits * pow10(-scale), scale: 0 };
}

/**
 * Strips trailing zeros so that equal values have equal representations: the zeros are counted
 * on the digits once and divided out at once (a division by ten per zero was quadratic).
 */
export function normalize(d: Decimal): Decimal {
  if (d.scale <= 0 || d.units % 10n !== 0n) return d;
  if (d.units === 0n) return { units: 0n, scale: 0 };
  const text = d.units.toString();
  const zeros = Math.min(d.scale, text.length - trimZeros(text, 0, text.length));
  return { units: d.units / pow10(zeros), scale: d.scale - zeros };
}

/**
 * Parses a decimal string (`"50000"`, `"0.5"`, `"-10"`) or a finite JS number into an exact value,
 * in time linear in the string's length; a string longer than `maxLength` (default
 * {@link MAX_DECIMAL_LENGTH}) is refused before it is read.
 * @example parseDecimal("0.05") // { ok: true, value: { units: 5n, scale: 2 } }
 */
export function parseDecimal(input: unknown, maxLength = MAX_DECIMAL_LENGTH): DecimalResult {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) {
      return { ok: false, reason: `expected a finite number, but got ${String(input)}` };
    }
    const m = NUMBER_TEXT.exec(String(input));
    if (m === null) return { ok: false, reason: `could not read the number ${String(input)}` };
    return { ok: true, value: fromParts(m[1]!, m[2]!, m[3] ?? "", Number(m[4] ?? "0")) };
  }
  if (typeof input !== "string") {
    return { ok: false, reason: `expected a decimal string or a number, but got ${typeof input}` };
  }
  if (input.length > maxLength) {
    return {
      ok: false,
      reason: `expected a decimal string of at most ${maxLength} characters, but got ${input.length}`,
    };
  }
  if (!DECIMAL_STRING.test(input)) {
    return {
      ok: false,
      reason: `could not parse ${JSON.stringify(input)} as a decimal. Expected digits with an optional point, like "0.5"`,
    };
  }
  const start = input.charCodeAt(0) === 45 ? 1 : 0;
  const dot = input.indexOf(".", start);
  if (dot < 0) return { ok: true, value: { units: BigInt(input), scale: 0 } };
  const end = trimZeros(input, dot + 1, input.length);
  const digits = input.slice(start, dot) + input.slice(dot + 1, end);
  // Leading zeros skipped by a scan: BigInt's own reading of them is superlinear.
  let first = 0;
  while (first < digits.length - 1 && digits.charCodeAt(first) === 48) first++;
  const units = BigInt(digits.slice(first));
  return { ok: true, value: { units: start === 1 ? -units : units, scale: end - dot - 1 } };
}

/** Formats `units / 10^scale` canonically: no exponent, no trailing zeros, no "-0". */
export function formatDecimal(units: bigint, scale: number): string {
  if (units === 0n) return "0";
  const neg = units < 0n;
  let digits = (neg ? -units : units).toString();
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    const point = digits.length - scale;
    // A backwards scan, not /0+$/: that regex retries at every zero of a long run (quadratic).
    const frac = digits.slice(point, trimZeros(digits, point, digits.length));
    const int = digits.slice(0, point);
    digits = frac === "" ? int : `${int}.${frac}`;
  }
  return neg ? `-${digits}` : digits;
}

/** `value / unit` when it is an integer, else `undefined` (e.g. a price that is not a multiple of the tick). */
export function divideExact(value: Decimal, unit: Decimal): bigint | undefined {
  const num = value.units * pow10(unit.scale);
  const den = unit.units * pow10(value.scale);
  if (den === 0n || num % den !== 0n) return undefined;
  return num / den;
}

/** Compares two decimals: negative, zero or positive like a sort comparator. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const s = Math.max(a.scale, b.scale);
  const x = a.units * pow10(s - a.scale);
  const y = b.units * pow10(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Rounds `num / den` half away from zero to `places` decimals and formats it canonically. */
export function formatRatio(num: bigint, den: bigint, places = 8): string {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const neg = num < 0n;
  const scaled = (neg ? -num : num) * pow10(places);
  let q = scaled / den;
  if ((scaled % den) * 2n >= den) q += 1n;
  return formatDecimal(neg ? -q : q, places);
}
