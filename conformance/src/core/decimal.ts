// Independent on purpose: the suite judges servers, the reference included, so it does not borrow
// the shared `parseDecimal`/`formatDecimal` of @unwind/protocol that the reference's engine reads
// and prints with. A fault shared by the judge and the judged would pass unseen. This is a
// separate reading (string arithmetic on the spec's pattern), not a copy.

/** An exact decimal: `units / 10^scale`. */
export interface Dec {
  units: bigint;
  scale: number;
}

const PATTERN = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** Whether a string is a decimal as the spec's `Decimal` pattern defines it. */
export function isDecimal(text: unknown): text is string {
  return typeof text === "string" && PATTERN.test(text);
}

/** Parses a decimal string (or a finite number through its shortest form). */
export function dec(value: string | number): Dec {
  const text = typeof value === "number" ? numberText(value) : value;
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(text))
    throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  const negative = text.startsWith("-");
  const [int, frac = ""] = text.replace("-", "").split(".");
  const units = BigInt(int! + frac);
  return { units: negative ? -units : units, scale: frac.length };
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, "");
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [
    a.units * 10n ** BigInt(scale - a.scale),
    b.units * 10n ** BigInt(scale - b.scale),
    scale,
  ];
}

/** The canonical string: no exponent, no trailing zeros, `"0"` for zero. */
export function formatDec(d: Dec): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  let out = digits;
  if (d.scale > 0) {
    // A backwards scan, not /\.?0+$/: that regex retries at every zero of a long run, which
    // made a server's decimal with many zeros inside quadratic to read.
    const point = digits.length - d.scale;
    let end = digits.length;
    while (end > point && digits.charCodeAt(end - 1) === 48) end--;
    out =
      end === point
        ? digits.slice(0, point)
        : `${digits.slice(0, point)}.${digits.slice(point, end)}`;
  }
  return out === "0" || !negative ? out : `-${out}`;
}

/** a + b, canonical. */
export function addDec(a: string, b: string): string {
  const [x, y, scale] = align(dec(a), dec(b));
  return formatDec({ units: x + y, scale });
}

/** a - b, canonical. */
export function subDec(a: string, b: string): string {
  const [x, y, scale] = align(dec(a), dec(b));
  return formatDec({ units: x - y, scale });
}

/** a * k for an integer k, canonical. */
export function mulDec(a: string, k: number | bigint): string {
  const d = dec(a);
  return formatDec({ units: d.units * BigInt(k), scale: d.scale });
}

/** -1, 0 or 1 as a < b, a = b, a > b (numerically: "1.50" equals "1.5"). */
export function cmpDec(a: string, b: string): number {
  const [x, y] = align(dec(a), dec(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether a is a whole multiple of b (b > 0). */
export function isMultiple(a: string, b: string): boolean {
  const [x, y] = align(dec(a), dec(b));
  return y !== 0n && x % y === 0n;
}

/** |a|, canonical. */
export function absDec(a: string): string {
  const d = dec(a);
  return formatDec({ units: d.units < 0n ? -d.units : d.units, scale: d.scale });
}

/** Whether two decimals are numerically equal (false when either is not a decimal). */
export function sameDec(a: unknown, b: unknown): boolean {
  const s = (v: unknown) => (typeof v === "number" ? String(v) : v);
  const x = s(a);
  const y = s(b);
  if (typeof x !== "string" || typeof y !== "string") return false;
  try {
    return cmpDec(x, y) === 0;
  } catch {
    return false;
  }
}

/** a / 2, canonical (exact: one more decimal place). */
export function halfDec(a: string): string {
  const d = dec(a);
  return formatDec({ units: d.units * 5n, scale: d.scale + 1 });
}
