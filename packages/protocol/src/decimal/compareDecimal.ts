import type { Decimal } from "./Decimal.js";
import { pow10 } from "./pow10.js";

/**
 * Compares two decimals: negative, zero or positive like a sort comparator.
 * @example compareDecimal({ units: 15n, scale: 1 }, { units: 150n, scale: 2 }) // 0
 */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const s = Math.max(a.scale, b.scale);
  const x = a.units * pow10(s - a.scale);
  const y = b.units * pow10(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}
