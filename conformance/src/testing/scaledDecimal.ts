/** 10^8: decimals as integers of 1e-8, the precision the spec prints figures in. */
const SCALE = 100_000_000n;

/** A decimal string as an integer count of 1e-8 (digits beyond the 8th dropped). */
export function e8(text: unknown): bigint {
  const match = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(String(text));
  if (match === null) throw new Error(`expected a decimal string, but got ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(whole!) * SCALE + BigInt(fraction.slice(0, 8).padEnd(8, "0"));
  return sign === "-" ? -units : units;
}

/** `n / d` rounded half away from zero. */
function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = a / b + ((a % b) * 2n >= b ? 1n : 0n);
  return negative ? -q : q;
}

/** The product of two 1e-8 counts, rounded half away from zero. */
export function mulE8(a: bigint, b: bigint): bigint {
  return roundDiv(a * b, SCALE);
}

/** The quotient of two 1e-8 counts, rounded half away from zero. */
export function divE8(a: bigint, b: bigint): bigint {
  return roundDiv(a * SCALE, b);
}

/** A 1e-8 count as a canonical decimal string (`"0"`, `"-0.5"`, `"61234.5"`). */
export function fromE8(units: bigint): string {
  const negative = units < 0n;
  const a = negative ? -units : units;
  const fraction = (a % SCALE).toString().padStart(8, "0").replace(/0+$/, "");
  const text = `${a / SCALE}${fraction === "" ? "" : `.${fraction}`}`;
  return negative && text !== "0" ? `-${text}` : text;
}
