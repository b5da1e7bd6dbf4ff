import { trimZeros } from "./trimZeros.js";

/**
 * Formats `units / 10^scale` canonically: no exponent, no trailing zeros, no "-0".
 * @example formatDecimal(-123450n, 3) // "-123.45"
 */
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
