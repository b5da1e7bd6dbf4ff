/** An exact decimal: `units / 10^scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** The outcome of parsing a decimal: the exact value, or why it is not one. */
export type DecimalResult = { ok: true; value: Decimal } | { ok: false; reason: string };

const DECIMAL_STRING = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const NUMBER_TEXT = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:e([+-]?[0-9]+))?$/;
const POW10: bigint[] = [];

/** 10^n as a bigint (cached). */
export function pow10(n: number): bigint {
  let p = POW10[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    POW10[n] = p;
  }
  return p;
}

function fromParts(sign: string, int: string, frac: string, exp: number): Decimal {
  const digits = BigInt(int + frac) * (sign === "-" ? -1n : 1n);
  const scale = frac.length - exp;
  if (scale >= 0) return normalize({ units: digits, scale });
  return normalize({ units: digits * pow10(-scale), scale: 0 });
}

/** Strips trailing zeros so that equal values have equal representations. */
export function normalize(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return units === d.units && scale === d.scale ? d : { units, scale };
}

/**
 * Parses a decimal string (`"50000"`, `"0.5"`, `"-10"`) or a finite JS number into an exact value.
 * @example parseDecimal("0.05") // { ok: true, value: { units: 5n, scale: 2 } }
 */
export function parseDecimal(input: unknown): DecimalResult {
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
  if (!DECIMAL_STRING.test(input)) {
    return {
      ok: false,
      reason: `could not parse ${JSON.stringify(input)} as a decimal. Expected digits with an optional point, like "0.5"`,
    };
  }
  const neg = input.startsWith("-");
  const body = neg ? input.slice(1) : input;
  const dot = body.indexOf(".");
  const int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? "" : body.slice(dot + 1);
  return { ok: true, value: fromParts(neg ? "-" : "", int, frac, 0) };
}

/** Formats `units / 10^scale` canonically: no exponent, no trailing zeros, no "-0". */
export function formatDecimal(units: bigint, scale: number): string {
  if (units === 0n) return "0";
  const neg = units < 0n;
  let digits = (neg ? -units : units).toString();
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    let int = digits.slice(0, digits.length - scale);
    const frac = digits.slice(digits.length - scale).replace(/0+$/, "");
    if (int === "") int = "0";
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
