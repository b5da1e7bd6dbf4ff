import type { Decimal } from "./Decimal.js";
import { pow10 } from "./pow10.js";

/**
 * `value / unit` when it is an integer, else `undefined` (e.g. a price that is not a multiple of
 * the tick).
 * @example divideExact({ units: 600005n, scale: 1 }, { units: 5n, scale: 1 }) // 120001n
 */
export function divideExact(value: Decimal, unit: Decimal): bigint | undefined {
  const num = value.units * pow10(unit.scale);
  const den = unit.units * pow10(value.scale);
  if (den === 0n || num % den !== 0n) return undefined;
  return num / den;
}
