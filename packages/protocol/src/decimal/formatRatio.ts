import { formatDecimal } from "./formatDecimal.js";
import { pow10 } from "./pow10.js";

/**
 * Rounds `num / den` half away from zero to `places` decimals and formats it canonically.
 * @example formatRatio(2n, 3n) // "0.66666667"
 */
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
