import type { Decimal } from "./Decimal.js";
import { pow10 } from "./pow10.js";
import { trimZeros } from "./trimZeros.js";

/**
 * Strips trailing zeros so that equal values have equal representations: the zeros are counted
 * on the digits once and divided out at once (a division by ten per zero was quadratic).
 * @example normalize({ units: 500n, scale: 3 }) // { units: 5n, scale: 1 }
 */
export function normalize(d: Decimal): Decimal {
  if (d.scale <= 0 || d.units % 10n !== 0n) return d;
  if (d.units === 0n) return { units: 0n, scale: 0 };
  const text = d.units.toString();
  const zeros = Math.min(d.scale, text.length - trimZeros(text, 0, text.length));
  return { units: d.units / pow10(zeros), scale: d.scale - zeros };
}
